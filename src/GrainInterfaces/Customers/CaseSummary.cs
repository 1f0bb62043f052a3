using AfterSales.Cases;

namespace AfterSales.Customers;

/// <summary>One line of a customer's recent-case list (a bounded read model kept by the customer grain).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseSummary")]
public sealed record CaseSummary(
    [property: Id(0)] string Number,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] string Subject,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string? AssignedTechnicianId);
