using System.Collections.Immutable;

namespace AfterSales.Models;

/// <summary>A preventive maintenance plan of a model (inherited by its devices) or of one device: what to do, and
/// when. A plan has exactly one schedule: every <see cref="IntervalDays"/>, <see cref="IntervalWeeks"/> or
/// <see cref="IntervalMonths"/> from the device's entry into service or its last visit, an RFC 5545
/// <see cref="Recurrence"/> rule counted from the entry into service, or every <see cref="UsageInterval"/> units of
/// the meter <see cref="Meter"/>.</summary>
/// <param name="Id">Unique within the model (e.g. <c>annual-service</c>).</param>
/// <param name="IntervalDays">Days between two visits (0 when the plan has another schedule).</param>
/// <param name="Tasks">What the visit does, in order.</param>
/// <param name="EstimatedMinutes">Expected duration of a visit.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MaintenancePlanTemplate")]
public sealed record MaintenancePlanTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int IntervalDays,
    [property: Id(3)] ImmutableArray<string> Tasks,
    [property: Id(4)] int EstimatedMinutes)
{
    /// <summary>Weeks between two visits (0 when the plan has another schedule).</summary>
    [Id(5)] public int IntervalWeeks { get; init; }

    /// <summary>Calendar months between two visits (0 when the plan has another schedule); a day the month does not
    /// have falls on its last day.</summary>
    [Id(6)] public int IntervalMonths { get; init; }

    /// <summary>An RFC 5545 recurrence rule (<c>RRULE</c> value without the name, e.g.
    /// <c>FREQ=YEARLY;BYMONTH=3;BYDAY=1MO</c>), its start the device's entry into service; at most daily.</summary>
    [Id(7)] public string? Recurrence { get; init; }

    /// <summary>The meter a usage-based plan counts (e.g. <c>operatingHours</c>).</summary>
    [Id(8)] public string? Meter { get; init; }

    /// <summary>Units of <see cref="Meter"/> between two visits: a work order is due each time the meter crosses a
    /// multiple of it.</summary>
    [Id(9)] public decimal UsageInterval { get; init; }

    /// <summary>Days before the due day that the work order is generated (time-based plans).</summary>
    [Id(10)] public int LeadDays { get; init; }

    /// <summary>Days after the due day that the visit still counts as on time; later it is overdue.</summary>
    [Id(11)] public int WindowDays { get; init; }
}
