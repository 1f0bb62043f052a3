using System.Collections.Immutable;

namespace AfterSales.Devices;

/// <summary>The result of a device's commissioning, from its installation work order. Passed: the device enters
/// service, its warranty starts (if it has not already) and <paramref name="Baseline"/> becomes its baseline. Failed:
/// it stays installed. A second acceptance is refused with 409.</summary>
/// <param name="Baseline">Measured values by checklist item id (value in the item's unit).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CommissioningOutcome")]
public sealed record CommissioningOutcome(
    [property: Id(0)] string WorkOrderNumber,
    [property: Id(1)] bool Passed,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string TechnicianId,
    [property: Id(4)] ImmutableArray<BaselineValue> Baseline,
    [property: Id(5)] string Actor);

/// <summary>One measured value of a device's baseline.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.BaselineValue")]
public sealed record BaselineValue(
    [property: Id(0)] string ItemId,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Unit);
