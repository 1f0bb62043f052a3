using AfterSales.CaseList;
using AfterSales.Domain.Kpis;
using AfterSales.Kpis;

namespace AfterSales.Tests.Unit.Domain.Kpis;

public sealed class KpiFiguresTests
{
    private static KpiReport Report(KpiGrouping grouping = KpiGrouping.None, string? region = null) =>
        KpiFigures.Report(new KpiQuery(KpiScenario.From, KpiScenario.To, Region: region, GroupBy: grouping),
            KpiRowSums.Sum(KpiScenario.Rows(), new KpiQuery(KpiScenario.From, KpiScenario.To, Region: region, GroupBy: grouping)),
            new ProjectionProgress(10, 10));

    [Fact]
    public void TheBacklogIsTheCasesOpenAtThePeriodsEndByEveryDimension()
    {
        var backlog = Report().Backlog;

        Assert.Equal(2, backlog.Total);
        Assert.Equal([new KpiCount("technical-support", 2)], backlog.ByDepartment.AsEnumerable());
        Assert.Equal([new KpiCount("east", 1), new KpiCount("west", 1)], backlog.ByRegion.AsEnumerable());
        Assert.Equal([new KpiCount("high", 1), new KpiCount("normal", 1)], backlog.ByPriority.AsEnumerable());
        Assert.Equal([new KpiCount("new", 2)], backlog.ByStatus.AsEnumerable());
        Assert.Equal([new KpiCount("under1d", 0), new KpiCount("1to3d", 1), new KpiCount("3to7d", 0), new KpiCount("7to30d", 1), new KpiCount("over30d", 0)],
            backlog.ByAge.AsEnumerable());
    }

    [Fact]
    public void SlaComplianceCountsEachBreachWhenItHappensAndIgnoresNextUpdateBreaches()
    {
        var sla = Report().Sla.ToDictionary(s => s.Priority);

        Assert.Equal(new KpiRatio(1, 2, 50), sla["urgent"].Response);
        Assert.Equal(new KpiRatio(2, 2, 100), sla["urgent"].Resolution);
        Assert.Equal(new KpiRatio(1, 1, 100), sla["high"].Response);
        Assert.Equal(new KpiRatio(0, 1, 0), sla["high"].Resolution);
        Assert.Equal(new KpiRatio(0, 0, null), sla["low"].Response);
        Assert.Equal(new KpiRatio(2, 3, 66.67), sla["all"].Response);
        Assert.Equal(new KpiRatio(2, 3, 66.67), sla["all"].Resolution);
    }

    [Fact]
    public void ResolutionFiguresFollowTheLastResolutionOfEachCase()
    {
        var report = Report();

        Assert.Equal(new KpiMttr(2, 50), report.Mttr);
        Assert.Equal(new KpiRatio(1, 2, 50), report.FirstTimeFix);
        Assert.Equal(new KpiRatio(1, 2, 50), report.Reopen);
    }

    [Fact]
    public void SatisfactionComplaintsAndUtilisationHaveExactFigures()
    {
        var report = Report();

        Assert.Equal(new KpiRatio(1, 2, 50), report.Csat);
        Assert.Equal(new KpiNps(2, 1, 1, 0), report.Nps);
        Assert.Equal(new KpiRatio(1, 4, 25), report.Complaints);
        Assert.Equal([new KpiUtilisation("tech-1", 1, 1.5, 40, 3.75), new KpiUtilisation("tech-2", 2, 1.5, 40, 3.75)], report.Technicians.AsEnumerable());
    }

    [Fact]
    public void ADailySeriesHasOneBucketPerUtcDayOfThePeriod()
    {
        var series = Report(KpiGrouping.Day).Series;

        Assert.Equal(7, series.Length);
        Assert.Equal(KpiScenario.From.AddDays(3), series[3].Start);
        Assert.Equal([2, 0, 0, 0, 1, 1, 0], series.Select(b => b.Created));
        Assert.Equal([0, 1, 0, 1, 0, 0, 0], series.Select(b => b.Resolved));
        Assert.Equal([null, 28, null, 72, null, null, null], series.Select(b => b.MttrHours));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0], series.Select(b => b.ResponseBreaches));
        Assert.Equal([0, 0, 0, 0, 0, 0, 1], series.Select(b => b.ResolutionBreaches));
    }

    [Fact]
    public void AWeeklySeriesStartsOnTheMondayOfTheFirstDay()
    {
        var query = new KpiQuery(KpiScenario.From.AddDays(2), KpiScenario.To, GroupBy: KpiGrouping.Week);

        var series = KpiFigures.Report(query, KpiRowSums.Sum(KpiScenario.Rows(), query), new ProjectionProgress(0, 0)).Series;

        Assert.Equal(KpiScenario.From, Assert.Single(series).Start);
        Assert.Equal(2, series[0].Created);
    }

    [Fact]
    public void ARegionFilterKeepsOnlyItsCases()
    {
        var report = Report(region: "west");

        Assert.Equal(1, report.Backlog.Total);
        Assert.Equal(new KpiRatio(0, 1, 0), report.Sla.Single(s => s.Priority == "all").Resolution);
        Assert.Equal(new KpiMttr(0, null), report.Mttr);
    }

    [Fact]
    public void CapacityCountsTheWorkingHoursOfWeekdaysInsideThePeriod()
    {
        // Friday noon to Monday 06:00: half of Friday and a quarter of Monday.
        var capacity = KpiPeriods.CapacityHours(new DateTimeOffset(2026, 3, 6, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero));

        Assert.Equal(6, capacity, 6);
    }
}
