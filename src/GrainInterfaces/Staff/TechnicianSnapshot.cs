using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Staff;

/// <summary>A technician as seen from outside the grain.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.TechnicianSnapshot")]
public sealed record TechnicianSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Department Department,
    [property: Id(3)] string Region,
    [property: Id(4)] ImmutableArray<Skill> Skills,
    [property: Id(5)] int Capacity,
    [property: Id(6)] bool OnShift,
    [property: Id(7)] ImmutableArray<Assignment> Assignments,
    [property: Id(8)] int Load,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] int Version);
