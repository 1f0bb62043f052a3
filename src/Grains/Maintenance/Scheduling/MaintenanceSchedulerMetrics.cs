using System.Diagnostics.Metrics;

namespace AfterSales.Maintenance.Scheduling;

/// <summary>The scheduler's instruments (meter <c>AfterSales.Maintenance.Scheduler</c>): what operators watch and what the
/// benchmark reads.</summary>
internal static class MaintenanceSchedulerMetrics
{
    public const string MeterName = "AfterSales.Maintenance.Scheduler";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Duration of a bucket tick that had entries due, in milliseconds.</summary>
    public static readonly Histogram<double> TickDuration = Meter.CreateHistogram<double>(
        "aftersales.maintenance.tick.duration", "ms", "Duration of a maintenance bucket tick that had entries due");

    /// <summary>Entries due at a tick (the tick's size).</summary>
    public static readonly Histogram<int> TickSize = Meter.CreateHistogram<int>(
        "aftersales.maintenance.tick.due", "{entry}", "Entries due at a maintenance bucket tick");

    /// <summary>Seconds from an entry's fire time to its device's acknowledgement.</summary>
    public static readonly Histogram<double> EmissionDelay = Meter.CreateHistogram<double>(
        "aftersales.maintenance.emission.delay", "s", "Time from a due entry's fire time to its device's acknowledgement");

    /// <summary>Hand-overs that failed (retried at the next tick).</summary>
    public static readonly Counter<long> HandOverFailures = Meter.CreateCounter<long>(
        "aftersales.maintenance.handover.failures", "{entry}", "Maintenance hand-overs that failed and are retried");
}
