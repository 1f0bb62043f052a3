using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Technicians;

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
    [property: Id(10)] int Version)
{
    /// <summary>On shift, away or off shift (<see cref="OnShift"/> is true for the first two).</summary>
    [Id(11)] public Presence Presence { get; init; }

    /// <summary>The weekly shift pattern in the region's time zone; empty when presence is set by hand only.</summary>
    [Id(12)] public ImmutableArray<ShiftWindow> ShiftPattern { get; init; } = [];

    /// <summary>The IANA time zone the shift pattern is read in (the region's).</summary>
    [Id(13)] public string TimeZone { get; init; } = "UTC";

    /// <summary>With a pattern: a manual presence change holds until this instant (the pattern's next boundary).</summary>
    [Id(14)] public DateTimeOffset? PresenceHeldUntil { get; init; }
}
