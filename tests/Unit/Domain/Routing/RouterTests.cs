using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class RouterTests
{
    private static TechnicianStatus[] InIdOrder(params TechnicianStatus[] roster) =>
        [.. roster.OrderBy(t => t.TechnicianId, StringComparer.Ordinal)];

    [Fact]
    public void LeastLoadedPicksTheLowestLoadRatioAndExplainsEveryCandidate()
    {
        var roster = InIdOrder(Tech("T-1", load: 2, capacity: 3), Tech("T-2", load: 3, capacity: 6), Tech("T-3", onShift: false));

        var result = Router.Decide(Request(), roster);

        Assert.Equal("T-2", result.Chosen?.TechnicianId);
        var decision = result.Decision;
        Assert.Equal(("leastLoaded", "T-2", 3, 2), (decision.DecidedBy, decision.ChosenTechnicianId, decision.Considered, decision.Eligible));
        Assert.Equal(
            [("T-2", true, (double?)0.5, "0.5 load"), ("T-1", true, 0.6667, "0.67 load"), ("T-3", false, null, "off shift")],
            decision.Candidates.Select(c => (c.TechnicianId, c.Eligible, c.Score, c.Note)));
        Assert.Equal("T-2 by leastLoaded (0.5 load), 2 of 3 eligible; rules r1", decision.Summary);
    }

    [Fact]
    public void LeastLoadedBreaksARatioTieByLongestIdleThenById()
    {
        var roster = InIdOrder(
            Tech("T-1", load: 1, capacity: 4, lastAssignedAt: Noon.AddMinutes(-5)),
            Tech("T-2", load: 1, capacity: 4, lastAssignedAt: Noon.AddMinutes(-30)),
            Tech("T-3", load: 2, capacity: 8, lastAssignedAt: Noon.AddMinutes(-30)));

        Assert.Equal("T-2", Router.Decide(Request(), roster).Chosen?.TechnicianId);
    }

    [Fact]
    public void ANeverAssignedTechnicianCountsAsIdleLongest()
    {
        var roster = InIdOrder(Tech("T-1", lastAssignedAt: Noon.AddDays(-30)), Tech("T-9"));

        Assert.Equal("T-9", Router.Decide(Request(), roster).Chosen?.TechnicianId);
    }

    [Fact]
    public void AFullTieGoesToTheOrdinalSmallestId()
    {
        var roster = InIdOrder(Tech("T-b"), Tech("T-B"), Tech("T-a"));

        Assert.Equal("T-B", Router.Decide(Request(), roster).Chosen?.TechnicianId);
        Assert.True(LeastLoaded.Compare(Tech("T-B"), Tech("T-a")) < 0);
    }

    [Fact]
    public void AWeightBelowOneIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Router.Decide(Request(weight: 0), [Tech("T-1")]));
    }

    [Fact]
    public void RoundRobinTakesTheNextEligibleTechnicianAfterTheCursorAndWraps()
    {
        var roster = InIdOrder(Tech("A"), Tech("B", onShift: false), Tech("C", load: 3, capacity: 3), Tech("D"), Tech("E"));

        Assert.Equal("A", Router.Decide(Request(RoutingStrategy.RoundRobin), roster).Chosen?.TechnicianId);
        Assert.Equal("D", Router.Decide(Request(RoutingStrategy.RoundRobin), roster, roundRobinCursor: "A").Chosen?.TechnicianId);
        Assert.Equal("E", Router.Decide(Request(RoutingStrategy.RoundRobin), roster, roundRobinCursor: "D").Chosen?.TechnicianId);
        Assert.Equal("A", Router.Decide(Request(RoutingStrategy.RoundRobin), roster, roundRobinCursor: "E").Chosen?.TechnicianId);
        // The cursor may name a technician that left the roster: the turn goes to the next one after it.
        var result = Router.Decide(Request(RoutingStrategy.RoundRobin), roster, roundRobinCursor: "Ca");
        Assert.Equal("D", result.Chosen?.TechnicianId);
        Assert.Equal(("roundRobin", 1d, "turn 1, 0 load"), (result.Decision.DecidedBy, result.Decision.Candidates[0].Score!.Value, result.Decision.Candidates[0].Note));
    }

    [Fact]
    public void RoundRobinIgnoresLoadWhileATechnicianHasRoom()
    {
        var roster = InIdOrder(Tech("A", load: 0), Tech("B", load: 3, capacity: 4));

        Assert.Equal("B", Router.Decide(Request(RoutingStrategy.RoundRobin), roster, roundRobinCursor: "A").Chosen?.TechnicianId);
    }

    [Fact]
    public void BestSkillMatchPrefersTheExactLevelAndKeepsTheExpertFree()
    {
        var roster = InIdOrder(
            Tech("expert", skills: [new Skill("hydraulics", 5)]),
            Tech("exact", load: 3, capacity: 4, skills: [new Skill("hydraulics", 3)]),
            Tech("close", skills: [new Skill("hydraulics", 4)]));

        var result = Router.Decide(Request(RoutingStrategy.BestSkillMatch, required: [Needs("hydraulics", 3)]), roster);

        Assert.Equal("exact", result.Chosen?.TechnicianId);
        Assert.Equal(
            [("exact", (double?)0d, "exact skill match, 0.75 load"), ("close", 1d, "over-qualified by 1, 0 load"), ("expert", 2d, "over-qualified by 2, 0 load")],
            result.Decision.Candidates.Select(c => (c.TechnicianId, c.Score, c.Note)));
    }

    [Fact]
    public void BestSkillMatchBreaksAFitTieByLeastLoaded()
    {
        var roster = InIdOrder(
            Tech("T-1", load: 2, capacity: 4, skills: [new Skill("hydraulics", 3)]),
            Tech("T-2", load: 1, capacity: 4, skills: [new Skill("hydraulics", 3)]));

        Assert.Equal("T-2", Router.Decide(Request(RoutingStrategy.BestSkillMatch, required: [Needs("hydraulics", 3)]), roster).Chosen?.TechnicianId);
    }

    [Fact]
    public void TheCustomersPreviousTechnicianWinsWhenEligibleWhateverTheStrategySays()
    {
        var roster = InIdOrder(Tech("T-1", load: 0), Tech("T-2", load: 3, capacity: 4));

        var result = Router.Decide(Request(preferred: "T-2"), roster);

        Assert.Equal("T-2", result.Chosen?.TechnicianId);
        Assert.Equal("affinity", result.Decision.DecidedBy);
        Assert.Equal("previous case's technician; 0.75 load", result.Decision.Candidates[0].Note);
    }

    [Fact]
    public void AnIneligiblePreviousTechnicianLeavesTheChoiceToTheStrategyAndTheDecisionSaysWhy()
    {
        var roster = InIdOrder(Tech("T-1", load: 1), Tech("T-2"), Tech("T-9", onShift: false), Tech("T-3", onShift: false));

        var result = Router.Decide(Request(preferred: "T-9"), roster);

        Assert.Equal(("T-2", "leastLoaded"), (result.Chosen?.TechnicianId, result.Decision.DecidedBy));
        Assert.Equal(("T-9", "previous case's technician, but off shift"), (result.Decision.Candidates[2].TechnicianId, result.Decision.Candidates[2].Note));
    }

    [Fact]
    public void TechniciansThatRefusedAreNotChosenAgainAndShowTheirRefusal()
    {
        var roster = InIdOrder(Tech("T-1"), Tech("T-2", load: 1));

        var result = Router.Decide(Request(), roster, refused: new Dictionary<string, string> { ["T-1"] = "at capacity (4/4)" });

        Assert.Equal("T-2", result.Chosen?.TechnicianId);
        Assert.Equal("refused: at capacity (4/4)", result.Decision.Candidates.Single(c => c.TechnicianId == "T-1").Note);
    }

    [Fact]
    public void WhenNobodyIsEligibleTheDecisionIsToQueueWithTheReasons()
    {
        var roster = InIdOrder(
            Tech("T-1", onShift: false), Tech("T-2", skills: [new Skill("hydraulics", 2)]), Tech("T-3", away: true),
            Tech("T-4", load: 4, capacity: 4, skills: [new Skill("hydraulics", 3)]));

        var result = Router.Decide(Request(weight: 2, required: [Needs("hydraulics", 3)]), roster);

        Assert.Null(result.Chosen);
        Assert.Equal(("queued", null, 0), (result.Decision.DecidedBy, result.Decision.ChosenTechnicianId, result.Decision.Eligible));
        Assert.Equal(
            "none of 4 eligible: T-1 off shift; T-2 missing hydraulics≥3; T-3 away; 1 more; requires hydraulics≥3; rules r1",
            result.Decision.Summary);
        Assert.Equal("nobody on the roster; rules r1", Router.Decide(Request(), []).Decision.Summary);
    }

    [Fact]
    public void OptionalSkillsCountUntilRelaxed()
    {
        var roster = InIdOrder(Tech("T-1", skills: [new Skill("hydraulics", 3)]));
        var request = Request(optional: [Needs("english", 2)]);

        var strict = Router.Decide(request, roster);
        var relaxed = Router.Decide(request with { Relaxed = true }, roster);

        Assert.Null(strict.Chosen);
        Assert.Equal([Needs("english", 2)], strict.Decision.Optional.ToArray());
        Assert.Equal("T-1", relaxed.Chosen?.TechnicianId);
        Assert.True(relaxed.Decision.Relaxed);
        Assert.Empty(relaxed.Decision.Optional);
        Assert.EndsWith("optional skills relaxed; rules r1", relaxed.Decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ADecisionKeepsTenCandidatesEligibleOnesFirst()
    {
        var roster = InIdOrder([.. Enumerable.Range(10, 15).Select(i => Tech($"T-{i}", onShift: i % 2 == 0, load: i % 4))]);

        var decision = Router.Decide(Request(), roster).Decision;

        Assert.Equal(10, decision.Candidates.Length);
        Assert.Equal((15, 8), (decision.Considered, decision.Eligible));
        Assert.All(decision.Candidates.Take(8), c => Assert.True(c.Eligible));
        Assert.All(decision.Candidates.Skip(8), c => Assert.False(c.Eligible));
        Assert.Equal(decision.Candidates.Take(8).OrderBy(c => c.Score).Select(c => c.Score), decision.Candidates.Take(8).Select(c => c.Score));
    }

    [Fact]
    public void AForcedDecisionNamesTheRuleAndTheOneTechnician()
    {
        var decision = Router.Forced(Request(required: [Needs("hydraulics", 3)]), "T-7", "manual", "supervisor: customer asked for her");

        Assert.Equal(("manual", "T-7"), (decision.DecidedBy, decision.ChosenTechnicianId));
        Assert.Equal("T-7 by manual (supervisor: customer asked for her); requires hydraulics≥3; rules r1", decision.Summary);
    }
}
