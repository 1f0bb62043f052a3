using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Persistence;

namespace AfterSales.Tests.Unit.Diagnostics;

[Collection(MetricsCollection.Name)]
public sealed class AfterSalesMetricsTests
{
    private readonly string region = "r-" + Guid.NewGuid().ToString("N");

    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACommittedOpeningCountsOneCaseCreatedWithDepartmentAndRegion()
    {
        using var recorder = new MetricsRecorder();

        recorder.Metrics.Committed([Event(CaseEventKinds.Opened), Event(CaseEventKinds.Queued)], Department.TechnicalSupport, region);

        var created = Assert.Single(recorder.Of("aftersales.cases.created", region));
        Assert.Equal(1, created.Value);
        Assert.Equal(new Dictionary<string, string?> { ["department"] = "technical-support", ["region"] = region }, created.Tags);
        Assert.Empty(recorder.Of("aftersales.cases.assignments", region));
    }

    [Fact]
    public void AssignmentsAndReassignmentsCountWithTheirKind()
    {
        using var recorder = new MetricsRecorder();

        recorder.Metrics.Committed([Event(CaseEventKinds.Opened), Event(CaseEventKinds.Assigned)], Department.Maintenance, region);
        recorder.Metrics.Committed([Event(CaseEventKinds.Reassigned)], Department.Maintenance, region);

        Assert.Equal(["assigned", "reassigned"], recorder.Of("aftersales.cases.assignments", region).Select(m => m.Tags["kind"]));
        Assert.All(recorder.Of("aftersales.cases.assignments", region), m => Assert.Equal("maintenance", m.Tags["department"]));
    }

    [Theory]
    [InlineData("firstResponse warning at 80%; due 2026-03-02T10:00:00.0000000Z", "firstResponse")]
    [InlineData("resolution warning at 75%; due 2026-03-02T10:00:00.0000000Z", "resolution")]
    [InlineData("something else entirely", "other")]
    public void AnSlaWarningCountsWithTheTargetItNames(string details, string target)
    {
        using var recorder = new MetricsRecorder();

        recorder.Metrics.Committed([Event(CaseEventKinds.SlaWarning, details)], Department.CustomerService, region);

        var warning = Assert.Single(recorder.Of("aftersales.sla.warnings", region));
        Assert.Equal(target, warning.Tags["target"]);
        Assert.Empty(recorder.Of("aftersales.sla.breaches", region));
    }

    [Fact]
    public void AnSlaBreachCountsAsABreachNotAWarning()
    {
        using var recorder = new MetricsRecorder();

        recorder.Metrics.Committed([Event(CaseEventKinds.SlaBreached, "nextUpdate breached; due 2026-03-02T10:00:00.0000000Z")], Department.Installation, region);

        var breach = Assert.Single(recorder.Of("aftersales.sla.breaches", region));
        Assert.Equal(new Dictionary<string, string?> { ["department"] = "installation", ["region"] = region, ["target"] = "nextUpdate" }, breach.Tags);
        Assert.Empty(recorder.Of("aftersales.sla.warnings", region));
    }

    [Fact]
    public void SchedulerLagIsTheTickTimeLessTheEarliestDueInSecondsAndNeverNegative()
    {
        using var recorder = new MetricsRecorder();

        recorder.Metrics.SchedulerLag("sla", At, At.AddSeconds(42.5));
        recorder.Metrics.SchedulerLag("maintenance", At, At.AddSeconds(-3));

        var lags = recorder.Of("aftersales.scheduler.lag");
        Assert.Equal([42.5, 0], lags.Select(m => m.Value));
        Assert.Equal(["sla", "maintenance"], lags.Select(m => m.Tags["scheduler"]));
    }

    private static JournalEvent Event(string kind, string? details = null) =>
        new(Guid.CreateVersion7(At), 1, At, "system", kind, StatusChangeData.Serialize(null, null, details));
}
