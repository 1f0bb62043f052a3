using System.Collections.Immutable;

namespace AfterSales.Sla;

/// <summary>A local date on which the weekly hours do not apply.</summary>
/// <param name="Date">The date in the calendar's time zone.</param>
/// <param name="Name">What the day is (e.g. New Year's Day).</param>
/// <param name="Hours">Empty: closed all day. Otherwise the day is a partial holiday open only in these hours.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.Holiday")]
public sealed record Holiday(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<WorkingHours> Hours);
