using System.Collections.Immutable;

namespace AfterSales.Routing;

/// <summary>The regions a region's departments may overflow into, in order of preference.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RegionNeighbours")]
public sealed record RegionNeighbours(
    [property: Id(0)] string Region,
    [property: Id(1)] ImmutableArray<string> Neighbours);
