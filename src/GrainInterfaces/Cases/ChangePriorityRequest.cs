namespace AfterSales.Cases;

/// <summary>Sets a case's priority: its SLA rule is chosen again and a queued case takes its new place in the queue.</summary>
/// <param name="Priority">The new priority; not the one the case has.</param>
/// <param name="Reason">Why (required; recorded in the history).</param>
/// <param name="Actor">Who changes it.</param>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
/// <param name="IdempotencyKey">Makes a retry answer the case as it is instead of changing it again.</param>
/// <param name="RequestHash">The hash of the request the key was first used with (a retry must match it).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ChangePriorityRequest")]
public sealed record ChangePriorityRequest(
    [property: Id(0)] CasePriority Priority,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor,
    [property: Id(3)] int? ExpectedVersion = null,
    [property: Id(4)] string? IdempotencyKey = null,
    [property: Id(5)] string? RequestHash = null);
