namespace AfterSales.Console.Api;

internal sealed record DepartmentBoard(string Department, string Region, IReadOnlyList<RosterEntry> Roster, IReadOnlyList<QueuedCase> Queue,
    DepartmentLoad Load, CaseNumberList Unroutable, CaseNumberList AtRisk);

internal sealed record RosterEntry(string TechnicianId, int Capacity, int Load, bool OnShift, string Presence);

internal sealed record QueuedCase(string CaseNumber, string Priority, string Type, DateTimeOffset EnqueuedAt, WaitingReason? Waiting);

internal sealed record DepartmentLoad(int TechniciansOnShift, int Capacity, int InUse, int Queued, double Utilisation);

internal sealed record CaseNumberList(int Count, IReadOnlyList<string> CaseNumbers);

internal sealed record Kpis(KpiBacklog Backlog, IReadOnlyList<KpiSla> Sla, KpiMttr Mttr, KpiRatio FirstTimeFix, KpiRatio Csat, IReadOnlyList<KpiBucket> Series);

internal sealed record KpiBacklog(long Total, IReadOnlyList<KpiCount> ByStatus, IReadOnlyList<KpiCount> ByPriority);

internal sealed record KpiCount(string Key, long Count);

internal sealed record KpiSla(string Priority, KpiRatio Response, KpiRatio Resolution);

internal sealed record KpiMttr(int Resolved, double? Hours);

internal sealed record KpiRatio(int Numerator, int Denominator, double? Percent);

internal sealed record KpiBucket(DateTimeOffset Start, int Created, int Resolved, double? MttrHours);

/// <summary>A change pushed by the live stream (<c>/api/live/…</c>).</summary>
internal sealed record LiveChange(string? CaseNumber, long? Sequence, string? Kind, DateTimeOffset At, string? Status, string? Department, string? Region);

/// <summary>What a queue review did (<c>POST /api/departments/{department}/{region}/review</c>).</summary>
internal sealed record QueueReview(IReadOnlyList<string> Relaxed, IReadOnlyList<string> Overflowed, IReadOnlyList<string> Assigned, int Queued);
