using System.Collections.Immutable;

namespace AfterSales.Cases;

/// <summary>A maintenance or repair visit recorded on a case.</summary>
/// <param name="Id">1, 2, 3… per case, in the order the visits were recorded.</param>
/// <param name="TechnicianId">Who went on site (the case's technician when the record named none), or null.</param>
/// <param name="StartedAt">When the technician arrived, when the record gave start and end.</param>
/// <param name="EndedAt">When the technician left, when the record gave start and end.</param>
/// <param name="MinutesOnSite">Time on site in whole minutes (from start and end, rounded up, or as given).</param>
/// <param name="IdempotencyKey">The key the visit was recorded with; a repeat with it answers this visit.</param>
/// <param name="RequestHash">The hash of the request that recorded it (a repeat with the same key and another body is refused).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseVisit")]
public sealed record CaseVisit(
    [property: Id(0)] int Id,
    [property: Id(1)] string? TechnicianId,
    [property: Id(2)] string WorkDone,
    [property: Id(3)] ImmutableArray<PartUsed> Parts,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] int MinutesOnSite,
    [property: Id(7)] VisitOutcome Outcome,
    [property: Id(8)] DateTimeOffset RecordedAt,
    [property: Id(9)] string RecordedBy,
    [property: Id(10)] string? IdempotencyKey = null,
    [property: Id(11)] string? RequestHash = null);
