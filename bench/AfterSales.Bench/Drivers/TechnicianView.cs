namespace AfterSales.Bench.Drivers;

/// <summary>What the bench reads of a technician while waiting for it to take a case: its version (which every
/// change raises), its load and the cases it holds.</summary>
internal sealed record TechnicianView(int Version, int Load, IReadOnlyList<string> CaseNumbers);
