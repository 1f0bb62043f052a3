using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Complaints;

/// <summary>A complaint as seen from outside its grain.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintSnapshot")]
public sealed record ComplaintSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] ComplaintChannel Channel,
    [property: Id(3)] ComplaintCategory Category,
    [property: Id(4)] ComplaintSeverity Severity,
    [property: Id(5)] string Description,
    [property: Id(6)] ComplaintStatus Status,
    [property: Id(7)] string? CaseNumber,
    [property: Id(8)] string? DeviceSerial,
    [property: Id(9)] string? TechnicianId,
    [property: Id(10)] DateTimeOffset ReceivedAt,
    [property: Id(11)] string ReceivedBy,
    [property: Id(12)] ComplaintAcknowledgement Acknowledgement,
    [property: Id(13)] ComplaintFindings? Findings,
    [property: Id(14)] DateTimeOffset? ResolvedAt,
    [property: Id(15)] DateTimeOffset? AutoCloseAt,
    [property: Id(16)] DateTimeOffset? ClosedAt,
    [property: Id(17)] ComplaintClosure? Closure,
    [property: Id(18)] int ReopenCount,
    [property: Id(19)] int SendBackCount,
    [property: Id(20)] ImmutableArray<CaseNote> Notes,
    [property: Id(21)] ImmutableArray<ComplaintAction> AllowedActions,
    [property: Id(22)] DateTimeOffset UpdatedAt,
    [property: Id(23)] int Version);

/// <summary>The acknowledgement target of a complaint and whether it was met.</summary>
/// <param name="DueAt">When the complaint must be acknowledged by: received + the target of its severity (calendar time).</param>
/// <param name="At">When it was acknowledged; null before.</param>
/// <param name="Met">True when acknowledged by <paramref name="DueAt"/>, false when acknowledged later or still not when it
/// passed; null while it is still pending and not yet due.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintAcknowledgement")]
public sealed record ComplaintAcknowledgement(
    [property: Id(0)] DateTimeOffset DueAt,
    [property: Id(1)] DateTimeOffset? At,
    [property: Id(2)] bool? Met);

/// <summary>What the investigation found and how the review went.</summary>
/// <param name="SubmittedBy">Who submitted the findings for review.</param>
/// <param name="ReviewedBy">Who approved them; null until approved.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintFindings")]
public sealed record ComplaintFindings(
    [property: Id(0)] RootCauseCategory RootCause,
    [property: Id(1)] string CorrectiveAction,
    [property: Id(2)] string SubmittedBy,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] string? ReviewedBy,
    [property: Id(5)] DateTimeOffset? ReviewedAt);
