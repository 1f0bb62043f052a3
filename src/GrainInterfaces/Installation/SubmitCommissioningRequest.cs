namespace AfterSales.Installation;

/// <summary>Submits a work order's commissioning: the checklist's answers become the report, signed off by the
/// customer. Accepted once; a second submission is refused with 409.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.SubmitCommissioningRequest")]
public sealed record SubmitCommissioningRequest(
    [property: Id(0)] CustomerSignOff SignOff,
    [property: Id(1)] string Actor)
{
    /// <summary>Idempotency key the client sent: the same key and hash again is a retry, which completes what is left.</summary>
    [Id(2)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body.</summary>
    [Id(3)] public string? RequestHash { get; init; }
}

/// <summary>The customer's acceptance of the installation: who signed, and when.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CustomerSignOff")]
public sealed record CustomerSignOff(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset SignedAt);
