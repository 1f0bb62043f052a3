using AfterSales.Cases;

namespace AfterSales.Staff;

/// <summary>A department asks a technician to take a case.</summary>
/// <param name="Weight">Capacity units the case uses while assigned.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.AssignmentOffer")]
public sealed record AssignmentOffer(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] int Weight,
    [property: Id(4)] string CustomerId);
