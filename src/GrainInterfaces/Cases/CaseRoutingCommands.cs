using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>Escalates a customer-service case to technical-support (tier 2) in the same region.</summary>
/// <param name="Reason">Why (required; recorded in the history).</param>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.EscalateCaseRequest")]
public sealed record EscalateCaseRequest(
    [property: Id(0)] string Reason,
    [property: Id(1)] string Actor,
    [property: Id(2)] int? ExpectedVersion = null);

/// <summary>Hands a case to another department (installation, maintenance, or any other) in the same region.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.TransferCaseRequest")]
public sealed record TransferCaseRequest(
    [property: Id(0)] Department Department,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor,
    [property: Id(3)] int? ExpectedVersion = null);

/// <summary>A supervisor assigns a case to a given technician (skills are the supervisor's call; capacity and
/// presence are not). The case moves to the technician's department-region if it is another one.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.AssignCaseRequest")]
public sealed record AssignCaseRequest(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor,
    [property: Id(3)] int? ExpectedVersion = null)
{
    /// <summary>Makes a retry answer the case as it is instead of assigning it again.</summary>
    [Id(4)] public string? IdempotencyKey { get; init; }

    /// <summary>The hash of the request the key was first used with (a retry must match it).</summary>
    [Id(5)] public string? RequestHash { get; init; }
}

/// <summary>A department hands a case back to the queue because its technician dropped it (went off shift).</summary>
/// <param name="From">The department-region key sending it (the case's own department).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseReturn")]
public sealed record CaseReturn(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string From);

/// <summary>A department dropped a queued case's optional skills after it waited <paramref name="Waited"/>.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.QueueRelaxation")]
public sealed record QueueRelaxation(
    [property: Id(0)] string From,
    [property: Id(1)] string Dropped,
    [property: Id(2)] TimeSpan Waited);
