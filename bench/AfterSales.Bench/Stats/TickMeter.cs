using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using AfterSales.Maintenance.Scheduling;

namespace AfterSales.Bench.Stats;

/// <summary>Listens to the scheduler's tick instruments (meter <see cref="MaintenanceSchedulerMetrics.MeterName"/>) while
/// started: the duration and size of every tick that had entries due.</summary>
internal sealed class TickMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _entries;

    public TickMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MaintenanceSchedulerMetrics.MeterName
                && instrument.Name is "aftersales.maintenance.tick.duration" or "aftersales.maintenance.tick.due")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, _, _) => Durations.Record((long)(milliseconds * 1_000_000)));
        _listener.SetMeasurementEventCallback<int>((_, due, _, _) => Interlocked.Add(ref _entries, due));
    }

    /// <summary>Tick durations in nanoseconds.</summary>
    public LatencyHistogram Durations { get; } = new();

    /// <summary>Entries due over all ticks seen.</summary>
    public long Entries => Interlocked.Read(ref _entries);

    public void Start()
    {
        // The instruments are created with their class, on the first tick: create them now, so Start enables them.
        RuntimeHelpers.RunClassConstructor(typeof(MaintenanceSchedulerMetrics).TypeHandle);
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();
}
