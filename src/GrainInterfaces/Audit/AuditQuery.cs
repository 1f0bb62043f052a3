namespace AfterSales.Audit;

/// <summary>A filter and a page of the audit record, newest entry first. Filters combine with AND; null matches any.</summary>
/// <param name="From">Entries at or after this instant.</param>
/// <param name="To">Entries before this instant.</param>
/// <param name="Before">Continue after this entry (the last one of the previous page); null for the first page.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Audit.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] string? Actor,
    [property: Id(3)] string? TargetType,
    [property: Id(4)] string? TargetId,
    [property: Id(5)] string? Action,
    [property: Id(6)] int Limit,
    [property: Id(7)] AuditPosition? Before);

/// <summary>Where an entry stands in the record's order: its time, then its id.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Audit.AuditPosition")]
public sealed record AuditPosition([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Id);

/// <summary>A page of the audit record, newest first.</summary>
/// <param name="Next">The position to continue from, or null when no entry of the range follows.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Audit.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] System.Collections.Immutable.ImmutableArray<AuditEntry> Entries,
    [property: Id(1)] AuditPosition? Next);
