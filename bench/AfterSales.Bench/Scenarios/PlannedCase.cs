using AfterSales.Bench.Drivers;

namespace AfterSales.Bench.Scenarios;

/// <summary>A case to create, with the region its customer lives in (where triage routes it).</summary>
internal sealed record PlannedCase(CaseSeed Request, string Region);
