namespace AfterSales.Console.Api;

internal sealed record DepartmentBoard(string Department, string Region, IReadOnlyList<RosterEntry> Roster, IReadOnlyList<QueuedCase> Queue,
    DepartmentLoad Load, CaseNumberList Unroutable, CaseNumberList AtRisk);

internal sealed record RosterEntry(string TechnicianId, int Capacity, int Load, bool OnShift, string Presence);

internal sealed record QueuedCase(string CaseNumber, string Priority, string Type, DateTimeOffset EnqueuedAt, WaitingReason? Waiting);

internal sealed record DepartmentLoad(int TechniciansOnShift, int Capacity, int InUse, int Queued, double Utilisation);

internal sealed record CaseNumberList(int Count, IReadOnlyList<string> CaseNumbers);

/// <summary>A change pushed by the live stream (<c>/api/live/…</c>).</summary>
internal sealed record LiveChange(string? CaseNumber, long? Sequence, string? Kind, DateTimeOffset At, string? Status, string? Department, string? Region);

/// <summary>What a queue review did (<c>POST /api/departments/{department}/{region}/review</c>).</summary>
internal sealed record QueueReview(IReadOnlyList<string> Relaxed, IReadOnlyList<string> Overflowed, IReadOnlyList<string> Assigned, int Queued);
