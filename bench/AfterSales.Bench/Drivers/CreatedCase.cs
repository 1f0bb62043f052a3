using AfterSales.Cases;

namespace AfterSales.Bench.Drivers;

/// <summary>What the bench needs back from a case creation: its number, status and assignee.</summary>
internal sealed record CreatedCase(string Number, CaseStatus Status, string? AssignedTechnicianId);
