using System.Collections.Immutable;

namespace AfterSales.Cases;

/// <summary>Records a visit on a fault, maintenance or installation case. Time on site is either
/// <paramref name="MinutesOnSite"/> or <paramref name="StartedAt"/> and <paramref name="EndedAt"/>.</summary>
/// <param name="TechnicianId">Who went on site; null for the case's technician.</param>
/// <param name="ExpectedVersion">The case version the client read (If-Match); null to record regardless.</param>
/// <param name="IdempotencyKey">Makes a retry answer the visit it recorded instead of recording a second one.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RecordVisitRequest")]
public sealed record RecordVisitRequest(
    [property: Id(0)] string? TechnicianId,
    [property: Id(1)] string WorkDone,
    [property: Id(2)] ImmutableArray<PartUsed> Parts,
    [property: Id(3)] int? MinutesOnSite,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] VisitOutcome Outcome,
    [property: Id(7)] string Actor,
    [property: Id(8)] int? ExpectedVersion = null,
    [property: Id(9)] string? IdempotencyKey = null,
    [property: Id(10)] string? RequestHash = null);

/// <summary>A visit the case recorded (or had recorded with the same idempotency key), and the case's version after it.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RecordedVisit")]
public sealed record RecordedVisit(
    [property: Id(0)] CaseVisit Visit,
    [property: Id(1)] int CaseVersion);
