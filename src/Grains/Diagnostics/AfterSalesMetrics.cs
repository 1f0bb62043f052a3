using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Persistence;

namespace AfterSales.Diagnostics;

/// <summary>The project's own instruments, on the meter <see cref="MeterName"/> (docs/OBSERVABILITY.md lists each).
/// Tags are department slugs, region slugs and fixed words only: never a person, a phone, an address or a case number.</summary>
/// <remarks>One meter per process, like the runtime's: every telemetry pipeline in the process listens
/// to the same instruments, and none of them is disposed while another host of the process still records (a meter per
/// host would be, and identical instruments of two meters end up sharing one stream). The gauges read the sources of
/// every host alive in the process: one in a deployed process. The counters count what a case write committed, so a
/// refused or failed write counts nothing.</remarks>
internal sealed class AfterSalesMetrics : IDisposable
{
    public const string MeterName = AfterSalesTelemetry.MeterName;

    public const string DepartmentTag = "department";
    public const string RegionTag = "region";
    public const string KindTag = "kind";
    public const string TargetTag = "target";
    public const string SchedulerTag = "scheduler";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> CasesCreated = Meter.CreateCounter<long>("aftersales.cases.created", "{case}",
        "Cases opened (committed), by department and region");

    private static readonly Counter<long> Assignments = Meter.CreateCounter<long>("aftersales.cases.assignments", "{assignment}",
        "Cases given to a technician (kind assigned: first or from the queue; reassigned: moved to another technician)");

    private static readonly Counter<long> SlaWarnings = Meter.CreateCounter<long>("aftersales.sla.warnings", "{warning}",
        "SLA clocks that reached their warning point, by target");

    private static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>("aftersales.sla.breaches", "{breach}",
        "SLA clocks that reached their due time unmet, by target");

    private static readonly Histogram<double> SchedulerLagSeconds = Meter.CreateHistogram("aftersales.scheduler.lag", "s",
        "How late a bucket tick serves its most overdue entry: tick time minus the earliest fire time due at that tick",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600] });

    private static readonly ConcurrentDictionary<AfterSalesMetrics, byte> Hosts = new();

    private static readonly ObservableGauge<long> QueueLength = Meter.CreateObservableGauge("aftersales.department.queue.length",
        () => DepartmentQueueLengths.Observe(Hosts.Keys.Select(host => host._queues)), "{case}",
        "Cases waiting in a department's queue, by department and region (the departments active on this silo)");

    private static readonly ObservableGauge<long> FeedLag = Meter.CreateObservableGauge("aftersales.case_feed.lag",
        () => CaseFeedLag.Observe(Hosts.Keys.Select(host => host._feedLag)), "{event}",
        "Journal events not yet confirmed in the case list: journal head minus the lowest partition checkpoint");

    private readonly DepartmentQueueLengths _queues;
    private readonly CaseFeedLag _feedLag;

    public AfterSalesMetrics(DepartmentQueueLengths queues, CaseFeedLag feedLag)
    {
        _queues = queues;
        _feedLag = feedLag;
        Hosts.TryAdd(this, 0);
        // Referenced so the gauges exist from the first instance on (static fields are initialised in order).
        GC.KeepAlive(QueueLength);
        GC.KeepAlive(FeedLag);
    }

    /// <summary>Stops this host's gauge sources from being read (the host is stopping).</summary>
    public void Dispose() => Hosts.TryRemove(this, out _);

    /// <summary>Counts what one case write committed: openings, assignments, SLA warnings and breaches.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Grains reach the instruments through the injected instance.")]
    public void Committed(ImmutableArray<JournalEvent> events, Department department, string region)
    {
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case CaseEventKinds.Opened:
                    CasesCreated.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region));
                    break;
                case CaseEventKinds.Assigned or CaseEventKinds.Reassigned:
                    Assignments.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region), Tag(KindTag, e.Kind));
                    break;
                case CaseEventKinds.SlaWarning:
                    SlaWarnings.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region), Tag(TargetTag, SlaTarget(e)));
                    break;
                case CaseEventKinds.SlaBreached:
                    SlaBreaches.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region), Tag(TargetTag, SlaTarget(e)));
                    break;
            }
        }
    }

    /// <summary>Records how late a scheduler bucket served the most overdue of the entries due at a tick.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Grains reach the instruments through the injected instance.")]
    public void SchedulerLag(string scheduler, DateTimeOffset earliestDue, DateTimeOffset now) =>
        SchedulerLagSeconds.Record(Math.Max(0, (now - earliestDue).TotalSeconds), Tag(SchedulerTag, scheduler));

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    /// <summary>The SLA target an SLA event names first in its details (<c>firstResponse warning at 80%; …</c>), one of a
    /// fixed set: anything else is reported as <c>other</c>, so a changed wording can never put free text in a tag.</summary>
    private static string SlaTarget(JournalEvent e)
    {
        var details = StatusChangeData.Deserialize(e.Data).Details ?? "";
        var end = details.IndexOf(' ', StringComparison.Ordinal);
        var target = end < 0 ? details : details[..end];
        return target switch
        {
            "firstResponse" => "firstResponse",
            "nextUpdate" => "nextUpdate",
            "resolution" => "resolution",
            _ => "other",
        };
    }
}

/// <summary>Names of the schedulers whose lag <see cref="AfterSalesMetrics.SchedulerLag"/> records.</summary>
internal static class SchedulerNames
{
    public const string Sla = "sla";
    public const string Maintenance = "maintenance";
}
