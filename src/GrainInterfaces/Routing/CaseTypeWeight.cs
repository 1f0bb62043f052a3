using AfterSales.Cases;

namespace AfterSales.Routing;

/// <summary>Capacity units a case of <paramref name="Type"/> uses while a technician holds it.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseTypeWeight")]
public sealed record CaseTypeWeight([property: Id(0)] CaseType Type, [property: Id(1)] int Weight);
