using AfterSales.Domain.Routing;
using AfterSales.Routing;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class DispatchTests
{
    [Fact]
    public void TheRouterPicksWhenNothingWasOfferedBefore()
    {
        var step = Dispatch.Next(Request(), [Tech("T1", load: 2), Tech("T2")], null, null, null, "again");

        Assert.Equal("T2", step.TechnicianId);
        Assert.Equal("leastLoaded", step.Decision.DecidedBy);
        Assert.False(step.AdvancesCursor);
    }

    [Fact]
    public void AnEarlierOfferGoesToTheSameTechnicianUnlessItRefused()
    {
        var roster = new[] { Tech("T1", load: 2), Tech("T2") };

        var retry = Dispatch.Next(Request(), roster, null, null, "T1", "offered before");
        Assert.Equal(("T1", DecisionKinds.Retry), (retry.TechnicianId, retry.Decision.DecidedBy));
        Assert.Equal("offered before", retry.Decision.Candidates.Single().Note);

        var refused = new Dictionary<string, string> { ["T1"] = "at capacity (4/4)" };
        Assert.Equal("T2", Dispatch.Next(Request(), roster, null, refused, "T1", "offered before").TechnicianId);
    }

    [Fact]
    public void TooManyRefusalsInARowQueueTheCase()
    {
        var refused = Enumerable.Range(1, Dispatch.MaxRefusals).ToDictionary(i => $"T{i}", _ => "away");

        var step = Dispatch.Next(Request(), [Tech("T9")], null, refused, null, "again");

        Assert.Null(step.TechnicianId);
        Assert.Equal(DecisionKinds.Queued, step.Decision.DecidedBy);
        Assert.Equal("5 technicians refused it in a row", step.Decision.Summary);
        Assert.False(step.NoneEligible);
    }

    [Fact]
    public void NobodyEligibleOnTheViewAloneBlocksHarderCasesButNotAfterRefusals()
    {
        var full = new[] { Tech("T1", load: 4) };

        Assert.True(Dispatch.Next(Request(), full, null, null, null, "again").NoneEligible);
        var refused = new Dictionary<string, string> { ["T2"] = "away" };
        Assert.False(Dispatch.Next(Request(), full, null, refused, null, "again").NoneEligible);
    }

    [Fact]
    public void RoundRobinAdvancesItsCursorUnlessAffinityDecided()
    {
        var roster = new[] { Tech("T1"), Tech("T2") };

        Assert.True(Dispatch.Next(Request(RoutingStrategy.RoundRobin), roster, null, null, null, "again").AdvancesCursor);
        var preferred = Dispatch.Next(Request(RoutingStrategy.RoundRobin, preferred: "T2"), roster, null, null, null, "again");
        Assert.Equal(("T2", false), (preferred.TechnicianId, preferred.AdvancesCursor));
    }
}
