namespace AfterSales.Models;

/// <summary>How a meter's values behave.</summary>
[GenerateSerializer, Alias("AfterSales.MeterKind")]
public enum MeterKind
{
    /// <summary>Counts up (operating hours, cycles, litres pumped): a reading below the last one is refused unless it
    /// says the counter was reset.</summary>
    Counter = 0,
    /// <summary>A measured level (temperature, vibration, pressure): any value, read for condition rules.</summary>
    Gauge = 1,
}
