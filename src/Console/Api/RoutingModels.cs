namespace AfterSales.Console.Api;

// GET /api/cases/{number}/routing: where a case is routed and why, as the case page's routing panel shows it.

internal sealed record CaseRouting(string Number, string Department, string Region, string? AssignedTechnicianId, bool Queued,
    string? DeviceModel, string? Category, string? PreferredTechnicianId, bool OptionalRelaxed, IReadOnlyList<RoutingDecision> Decisions);

internal sealed record RoutingDecision(DateTimeOffset At, string Department, string Region, string Strategy, string DecidedBy,
    IReadOnlyList<SkillNeed> Required, IReadOnlyList<SkillNeed> Optional, IReadOnlyList<string> MatchedRuleIds,
    IReadOnlyList<RoutingCandidate> Candidates, string? ChosenTechnicianId, bool Relaxed, int Considered, int Eligible, string Summary);

internal sealed record SkillNeed(string Name, int MinLevel);

internal sealed record RoutingCandidate(string TechnicianId, bool Eligible, double? Score, string Note);
