using System.Collections.Immutable;

namespace AfterSales.Technicians;

/// <summary>One line of a weekly shift pattern, in the local time of the technician's region: on each of
/// <paramref name="Days"/> the shift runs from <paramref name="Start"/> to <paramref name="End"/>; an end at or
/// before the start runs past midnight into the next day.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ShiftWindow")]
public sealed record ShiftWindow(
    [property: Id(0)] ImmutableArray<DayOfWeek> Days,
    [property: Id(1)] TimeOnly Start,
    [property: Id(2)] TimeOnly End);
