using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Persistence;

namespace AfterSales.Diagnostics;

/// <summary>The project's own instruments, on the meter <see cref="MeterName"/> (docs/OBSERVABILITY.md lists each).
/// Tags are department slugs, region slugs and fixed words only: never a person, a phone, an address or a case number.</summary>
/// <remarks>Created from the host's <see cref="IMeterFactory"/>, so each host (and each test host) has its own meter;
/// the counters count what a case write committed, so a refused or failed write counts nothing.</remarks>
internal sealed class AfterSalesMetrics
{
    public const string MeterName = AfterSalesTelemetry.MeterName;

    public const string DepartmentTag = "department";
    public const string RegionTag = "region";
    public const string KindTag = "kind";
    public const string TargetTag = "target";
    public const string SchedulerTag = "scheduler";

    private readonly Counter<long> _casesCreated;
    private readonly Counter<long> _assignments;
    private readonly Counter<long> _slaWarnings;
    private readonly Counter<long> _slaBreaches;
    private readonly Histogram<double> _schedulerLag;

    public AfterSalesMetrics(IMeterFactory meters, DepartmentQueueLengths queues, CaseFeedLag feedLag)
    {
        var meter = meters.Create(MeterName);
        _casesCreated = meter.CreateCounter<long>("aftersales.cases.created", "{case}", "Cases opened (committed), by department and region");
        _assignments = meter.CreateCounter<long>("aftersales.cases.assignments", "{assignment}",
            "Cases given to a technician (kind assigned: first or from the queue; reassigned: moved to another technician)");
        _slaWarnings = meter.CreateCounter<long>("aftersales.sla.warnings", "{warning}", "SLA clocks that reached their warning point, by target");
        _slaBreaches = meter.CreateCounter<long>("aftersales.sla.breaches", "{breach}", "SLA clocks that reached their due time unmet, by target");
        _schedulerLag = meter.CreateHistogram("aftersales.scheduler.lag", "s",
            "How late a bucket tick serves its most overdue entry: tick time minus the earliest fire time due at that tick",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600] });
        meter.CreateObservableGauge("aftersales.department.queue.length", queues.Observe, "{case}",
            "Cases waiting in a department's queue, by department and region (the departments active on this silo)");
        meter.CreateObservableGauge("aftersales.case_feed.lag", feedLag.Observe, "{event}",
            "Journal events not yet confirmed in the case list: journal head minus the lowest partition checkpoint");
    }

    /// <summary>Counts what one case write committed: openings, assignments, SLA warnings and breaches.</summary>
    public void Committed(ImmutableArray<JournalEvent> events, Department department, string region)
    {
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case CaseEventKinds.Opened:
                    _casesCreated.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region));
                    break;
                case CaseEventKinds.Assigned or CaseEventKinds.Reassigned:
                    _assignments.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region), Tag(KindTag, e.Kind));
                    break;
                case CaseEventKinds.SlaWarning:
                    _slaWarnings.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region), Tag(TargetTag, SlaTarget(e)));
                    break;
                case CaseEventKinds.SlaBreached:
                    _slaBreaches.Add(1, Tag(DepartmentTag, DepartmentNames.ToSlug(department)), Tag(RegionTag, region), Tag(TargetTag, SlaTarget(e)));
                    break;
            }
        }
    }

    /// <summary>Records how late a scheduler bucket served the most overdue of the entries due at a tick.</summary>
    public void SchedulerLag(string scheduler, DateTimeOffset earliestDue, DateTimeOffset now) =>
        _schedulerLag.Record(Math.Max(0, (now - earliestDue).TotalSeconds), Tag(SchedulerTag, scheduler));

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
