using AfterSales.Cases;

namespace AfterSales.Staff;

/// <summary>What a department needs to route a case: handed over by the case grain.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseTicket")]
public sealed record CaseTicket(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] int Weight,
    [property: Id(4)] string CustomerId,
    [property: Id(5)] DateTimeOffset CreatedAt);
