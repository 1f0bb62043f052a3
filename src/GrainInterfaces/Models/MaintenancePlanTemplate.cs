using System.Collections.Immutable;

namespace AfterSales.Models;

/// <summary>A preventive maintenance plan of a model: what to do, and how often.</summary>
/// <param name="Id">Unique within the model (e.g. <c>annual-service</c>).</param>
/// <param name="IntervalDays">Days between two visits, from the device's entry into service.</param>
/// <param name="Tasks">What the visit does, in order.</param>
/// <param name="EstimatedMinutes">Expected duration of a visit.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MaintenancePlanTemplate")]
public sealed record MaintenancePlanTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int IntervalDays,
    [property: Id(3)] ImmutableArray<string> Tasks,
    [property: Id(4)] int EstimatedMinutes);
