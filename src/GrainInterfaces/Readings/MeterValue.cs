namespace AfterSales.Readings;

/// <summary>A meter of a device as last read.</summary>
/// <param name="Value">The last value read.</param>
/// <param name="Total">A counter's lifetime usage: its increments summed across resets (usage plans count this);
/// a gauge's last value.</param>
/// <param name="At">When it was last read.</param>
/// <param name="Resets">How often the counter was reset.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MeterValue")]
public sealed record MeterValue(
    [property: Id(0)] string Meter,
    [property: Id(1)] double Value,
    [property: Id(2)] double Total,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int Resets);
