namespace AfterSales.Readings;

/// <summary>One reading of one of a device's meters.</summary>
/// <param name="Meter">A meter of the device's model.</param>
/// <param name="Value">The meter's value (finite).</param>
/// <param name="At">When the device measured it.</param>
/// <param name="Reset">The counter was reset (replaced, zeroed) before this reading: it may be lower than the last one.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MeterReading")]
public sealed record MeterReading(
    [property: Id(0)] string Meter,
    [property: Id(1)] double Value,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] bool Reset = false);
