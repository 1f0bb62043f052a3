namespace AfterSales.Complaints;

/// <summary>Files a complaint for a customer, optionally about one of its cases, one of its devices and a technician.</summary>
/// <param name="CaseNumber">The related case; must exist and be the customer's.</param>
/// <param name="DeviceSerial">The related device; must exist and be the customer's.</param>
/// <param name="TechnicianId">The technician complained about; must exist (required for <see cref="ComplaintCategory.TechnicianConduct"/>).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.FileComplaintRequest")]
public sealed record FileComplaintRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] ComplaintChannel Channel,
    [property: Id(2)] ComplaintCategory Category,
    [property: Id(3)] ComplaintSeverity Severity,
    [property: Id(4)] string Description,
    [property: Id(5)] string? CaseNumber,
    [property: Id(6)] string? DeviceSerial,
    [property: Id(7)] string? TechnicianId,
    [property: Id(8)] string Actor)
{
    /// <summary>The client's Idempotency-Key, recorded with the complaint.</summary>
    [Id(9)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request; a second filing with the same hash is a replay.</summary>
    [Id(10)] public string? RequestHash { get; init; }
}

/// <summary>A lifecycle action on a complaint.</summary>
/// <param name="Reason">Why: required by <see cref="ComplaintAction.SendBack"/> and <see cref="ComplaintAction.Reject"/>,
/// optional otherwise; recorded in the history.</param>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintCommand")]
public sealed record ComplaintCommand(
    [property: Id(0)] ComplaintAction Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] string? Reason = null,
    [property: Id(3)] int? ExpectedVersion = null)
{
    /// <summary>Submit for review: the root cause found (required).</summary>
    [Id(4)] public RootCauseCategory? RootCause { get; init; }

    /// <summary>Submit for review: what was or will be done so it does not happen again (required).</summary>
    [Id(5)] public string? CorrectiveAction { get; init; }
}

/// <summary>Raises a complaint's severity.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.EscalateComplaintRequest")]
public sealed record EscalateComplaintRequest(
    [property: Id(0)] ComplaintSeverity Severity,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Actor,
    [property: Id(3)] int? ExpectedVersion = null);
