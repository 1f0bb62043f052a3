using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

/// <summary>The router keeps only the best candidates of a large roster; these compare it with a full sort.</summary>
public sealed class RouterSelectionTests
{
    private static TechnicianStatus[] LargeRoster(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 60)
            .Select(i => Tech($"T-{i:D2}", load: random.Next(0, 9), capacity: 8, onShift: random.Next(6) > 0,
                lastAssignedAt: random.Next(3) == 0 ? null : Noon.AddMinutes(-random.Next(0, 4))))
            .OrderBy(t => t.TechnicianId, StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheCandidatesOfALargeRosterAreTheTenBestInLeastLoadedOrderThenTheFirstIneligible(int seed)
    {
        var roster = LargeRoster(seed);
        var request = Request(weight: 2);

        var decision = Router.Decide(request, roster).Decision;

        var eligible = roster.Where(t => t.OnShift && t.Free >= 2).ToList();
        eligible.Sort(LeastLoaded.Compare);
        var ineligible = roster.Where(t => !(t.OnShift && t.Free >= 2));
        var expected = eligible.Select(t => t.TechnicianId).Concat(ineligible.Select(t => t.TechnicianId)).Take(Router.MaxCandidates);
        Assert.Equal(expected, decision.Candidates.Select(c => c.TechnicianId));
        Assert.Equal((eligible.Count, eligible[0].TechnicianId), (decision.Eligible, decision.ChosenTechnicianId));
    }

    [Fact]
    public void APreferredTechnicianRankedBelowTheTenBestLeadsAndTheNineBestFollow()
    {
        var roster = LargeRoster(4);
        var eligible = roster.Where(t => t.OnShift && t.Free >= 1).ToList();
        eligible.Sort(LeastLoaded.Compare);
        var preferred = eligible[^1].TechnicianId;

        var decision = Router.Decide(Request(preferred: preferred), roster).Decision;

        Assert.Equal(
            new[] { preferred }.Concat(eligible.Take(Router.MaxCandidates - 1).Select(t => t.TechnicianId)),
            decision.Candidates.Select(c => c.TechnicianId));
        Assert.Equal(("affinity", preferred), (decision.DecidedBy, decision.ChosenTechnicianId));
        Assert.StartsWith("previous case's technician; ", decision.Candidates[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIneligiblePreferredTechnicianFarDownTheRosterIsListedFirstAmongTheIneligible()
    {
        var roster = Enumerable.Range(0, 30).Select(i => Tech($"T-{i:D2}", onShift: i < 3)).ToArray();

        var decision = Router.Decide(Request(preferred: "T-29"), roster).Decision;

        Assert.Equal(["T-00", "T-01", "T-02", "T-29", "T-03", "T-04", "T-05", "T-06", "T-07", "T-08"], decision.Candidates.Select(c => c.TechnicianId));
        Assert.Equal("previous case's technician, but off shift", decision.Candidates[3].Note);
        Assert.Equal("leastLoaded", decision.DecidedBy);
    }

    [Fact]
    public void WithNobodyEligibleTheSummaryCountsEveryIneligibleTechnician()
    {
        var roster = Enumerable.Range(0, 30).Select(i => Tech($"T-{i:D2}", onShift: false)).ToArray();

        var decision = Router.Decide(Request(), roster).Decision;

        Assert.Equal("none of 30 eligible: T-00 off shift; T-01 off shift; T-02 off shift; 27 more; rules r1", decision.Summary);
    }
}
