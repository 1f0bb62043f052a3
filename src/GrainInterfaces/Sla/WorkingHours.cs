using System.Collections.Immutable;

namespace AfterSales.Sla;

/// <summary>A stretch of working time within one local day, in minutes after local midnight: <c>[From, To)</c>,
/// 0 ≤ From &lt; To ≤ 1440 (1440 is the end of the day, written 24:00).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.WorkingHours")]
public sealed record WorkingHours(
    [property: Id(0)] int FromMinute,
    [property: Id(1)] int ToMinute);

/// <summary>Working hours on some weekdays, every week (several entries name the same day for split shifts).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.WeeklyHours")]
public sealed record WeeklyHours(
    [property: Id(0)] ImmutableArray<DayOfWeek> Days,
    [property: Id(1)] WorkingHours Hours);
