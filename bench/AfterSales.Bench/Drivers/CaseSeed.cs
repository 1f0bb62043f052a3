using AfterSales.Cases;

namespace AfterSales.Bench.Drivers;

/// <summary>The body of one case creation.</summary>
internal sealed record CaseSeed(
    string CustomerId, CaseType Type, CasePriority Priority, CaseChannel Channel, string Subject, string Description);
