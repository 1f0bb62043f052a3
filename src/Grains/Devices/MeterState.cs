using AfterSales.Readings;

namespace AfterSales.Devices;

/// <summary>One meter of a device in its durable record: the last reading, the lifetime total, and the window of recent
/// values its condition rules read (bounded by the largest window of a rule on the meter).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.MeterState")]
internal sealed class MeterState
{
    [Id(0)] public double Value { get; set; }
    [Id(1)] public double Total { get; set; }
    [Id(2)] public DateTimeOffset At { get; set; }
    [Id(3)] public int Resets { get; set; }
    [Id(4)] public List<MeterSample> Recent { get; set; } = [];

    public MeterSample Last => new(At, Value);
}
