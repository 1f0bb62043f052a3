using AfterSales.Cases;
using AfterSales.Domain.Reliability;
using AfterSales.Reliability;

namespace AfterSales.Tests.Unit.Domain.Reliability;

public sealed class ReliabilityMathTests
{
    private static readonly DateTimeOffset Opened = new(2026, 5, 12, 8, 0, 0, TimeSpan.Zero);

    private static CaseWorkFact Fault(CaseStatus status, DateTimeOffset? resolvedAt = null, int visits = 0, int followUps = 0,
        VisitOutcome? first = null, int minutes = 0, CaseType type = CaseType.Fault) =>
        new("AS-2026-000001", "SN-1", type, status, Opened, resolvedAt, visits, followUps, first, minutes, Revision: 1);

    [Fact]
    public void AnOpenFaultCaseIsAFailureButNotYetARepair()
    {
        var totals = ReliabilityMath.Of(Fault(CaseStatus.InProgress));

        Assert.Equal(new ReliabilityTotals(Failures: 1), totals);
    }

    [Fact]
    public void AResolvedFaultCaseIsARepairLastingFromOpenToResolvedWithItsTimeOnSite()
    {
        var totals = ReliabilityMath.Of(Fault(CaseStatus.Resolved, Opened.AddHours(6), visits: 1, first: VisitOutcome.Fixed, minutes: 45));

        Assert.Equal(new ReliabilityTotals(Failures: 1, Repairs: 1, RepairSeconds: 6 * 3600, RepairMinutesOnSite: 45,
            CasesVisited: 1, FirstTimeFixes: 1, Visits: 1), totals);
    }

    [Fact]
    public void AFollowUpCountsAgainstFirstTimeFixEvenWhenTheSecondVisitFixedIt()
    {
        var totals = ReliabilityMath.Of(Fault(CaseStatus.Resolved, Opened.AddHours(30), visits: 2, followUps: 1,
            first: VisitOutcome.FollowUpNeeded, minutes: 75 + 50));

        Assert.Equal((1L, 0L, 2L, 1L), (totals.CasesVisited, totals.FirstTimeFixes, totals.Visits, totals.FollowUps));
    }

    [Fact]
    public void ASecondVisitAfterAFixedFirstOneIsNoFirstTimeFix()
    {
        // The first visit said fixed, the fault came back (a reopen) and someone went again.
        var totals = ReliabilityMath.Of(Fault(CaseStatus.Resolved, Opened.AddHours(50), visits: 2, first: VisitOutcome.Fixed, minutes: 60));

        Assert.Equal(0, totals.FirstTimeFixes);
    }

    [Fact]
    public void AReopenedFaultCaseIsNoRepairUntilItIsResolvedAgain()
    {
        var totals = ReliabilityMath.Of(Fault(CaseStatus.InProgress, resolvedAt: Opened.AddHours(2), visits: 1, first: VisitOutcome.Fixed));

        Assert.Equal((1L, 0L, 0L), (totals.Failures, totals.Repairs, totals.RepairSeconds));
    }

    [Fact]
    public void ACancelledCaseCountsForNothing()
    {
        Assert.Equal(ReliabilityTotals.Zero, ReliabilityMath.Of(Fault(CaseStatus.Cancelled, visits: 1, first: VisitOutcome.Fixed)));
    }

    [Fact]
    public void AMaintenanceCaseIsNoFailureButItsVisitsCountForFirstTimeFix()
    {
        var totals = ReliabilityMath.Of(Fault(CaseStatus.Closed, Opened.AddHours(3), visits: 1, first: VisitOutcome.Fixed,
            minutes: 90, type: CaseType.Maintenance));

        Assert.Equal(new ReliabilityTotals(CasesVisited: 1, FirstTimeFixes: 1, Visits: 1), totals);
    }

    [Fact]
    public void ReplacingAFactTakesItsPredecessorsShareAwaySoARepeatChangesNothing()
    {
        var open = ReliabilityMath.Of(Fault(CaseStatus.InProgress));
        var resolved = ReliabilityMath.Of(Fault(CaseStatus.Resolved, Opened.AddHours(4)));
        var totals = ReliabilityTotals.Zero.Replace(null, open).Replace(open, resolved);

        Assert.Equal(resolved, totals);
        Assert.Equal(totals, totals.Replace(resolved, resolved));
    }

    [Fact]
    public void MtbfIsOperatingHoursPerFailureAndMttrTheMeanOpenToResolvedTime()
    {
        // One device in service for 1000 hours; two failures, one repaired in 6 h and one in 10 h.
        var start = Opened.AddHours(-1000);
        var totals = ReliabilityMath.Of(new DeviceServiceFact("SN-1", start, null, 1))
            .Plus(new ReliabilityTotals(Failures: 2, Repairs: 2, RepairSeconds: 16 * 3600, RepairMinutesOnSite: 150));

        var figures = ReliabilityMath.Figures(totals, Opened);

        Assert.Equal((1L, 1000.0, 500.0, 8.0, 75.0), (figures.Devices, figures.OperatingHours, figures.MtbfHours, figures.MttrHours, figures.MeanMinutesOnSite));
    }

    [Fact]
    public void OperatingTimeAddsRunningDevicesUpToNowAndRetiredOnesUpToTheirRetirement()
    {
        var running = ReliabilityMath.Of(new DeviceServiceFact("SN-1", Opened.AddHours(-10), null, 1));
        var retired = ReliabilityMath.Of(new DeviceServiceFact("SN-2", Opened.AddHours(-100), Opened.AddHours(-70), 3));

        var figures = ReliabilityMath.Figures(running.Plus(retired), Opened);

        Assert.Equal((2L, 40.0), (figures.Devices, figures.OperatingHours));
        Assert.Equal(50.0, ReliabilityMath.Figures(running.Plus(retired), Opened.AddHours(10)).OperatingHours);
    }

    [Fact]
    public void WithoutFailuresRepairsOrVisitsTheMeansAreNull()
    {
        var figures = ReliabilityMath.Figures(ReliabilityTotals.Zero, Opened);

        Assert.Equal((0.0, (double?)null, (double?)null, (double?)null, (double?)null),
            (figures.OperatingHours, figures.MtbfHours, figures.MttrHours, figures.MeanMinutesOnSite, figures.FirstTimeFixRate));
    }

    [Fact]
    public void TheFirstTimeFixRateIsFirstTimeFixesOverVisitedCases()
    {
        var figures = ReliabilityMath.Figures(new ReliabilityTotals(CasesVisited: 3, FirstTimeFixes: 2), Opened);

        Assert.Equal(0.6667, figures.FirstTimeFixRate);
    }

    [Fact]
    public void ADeviceEntersServiceWhenCommissioningWasAcceptedOrAtMidnightUtcOfItsInstallationDay()
    {
        var accepted = new DateTimeOffset(2026, 5, 6, 15, 20, 0, TimeSpan.FromHours(8));

        Assert.Equal(accepted, ReliabilityMath.InServiceFrom(accepted, new DateOnly(2026, 5, 6)));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), ReliabilityMath.InServiceFrom(null, new DateOnly(2026, 3, 1)));
        Assert.Null(ReliabilityMath.InServiceFrom(null, null));
    }

    [Fact]
    public void ADevicesFactsAlwaysGoToTheSameShardOfItsModel()
    {
        var shard = ReliabilityMath.ShardOf("SN-HX200-0001");

        Assert.InRange(shard, 0, ReliabilityKeys.Shards - 1);
        Assert.Equal(shard, ReliabilityMath.ShardOf("SN-HX200-0001"));
        Assert.Equal("HX-200/3", ReliabilityKeys.Shard("HX-200", 3));
    }
}
