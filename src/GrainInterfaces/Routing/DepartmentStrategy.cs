using AfterSales.Common;

namespace AfterSales.Routing;

/// <summary>The strategy of a department, in one region or (Region null) in every region without its own entry.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentStrategy")]
public sealed record DepartmentStrategy(
    [property: Id(0)] Department Department,
    [property: Id(1)] string? Region,
    [property: Id(2)] RoutingStrategy Strategy);
