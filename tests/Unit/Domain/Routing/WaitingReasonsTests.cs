using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Departments;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class WaitingReasonsTests
{
    private static readonly Skill Hydraulics3 = new("hydraulics", 3);

    private static QueuedCase Queued(int weight = 2, ImmutableArray<SkillRequirement> required = default, ImmutableArray<SkillRequirement> optional = default) =>
        new("AS-2026-000001", CasePriority.Normal, CaseType.Fault, weight, Noon, Noon)
        {
            Required = required.IsDefault ? [] : required,
            Optional = optional.IsDefault ? [] : optional,
        };

    private static WaitingReason Explain(
        QueuedCase queued, TechnicianStatus[] roster, int casesAhead = 0, SkillProfiles? elsewhere = null,
        bool pastThreshold = false, string[]? neighbours = null, WaitingReason? previous = null) =>
        new WaitingReasons(new WaitingContext(roster, elsewhere ?? SkillProfiles.Empty, pastThreshold, [.. neighbours ?? []],
            TimeSpan.FromMinutes(10), Noon.AddMinutes(1))).Explain(queued, casesAhead, previous);

    [Fact]
    public void NobodyOnShiftSaysWhoIsOffAndAway()
    {
        var reason = Explain(Queued(), [Tech("T1", onShift: false), Tech("T2", away: true)]);

        Assert.Equal(WaitingReasonKind.NobodyOnShift, reason.Kind);
        Assert.Equal("nobody on shift (1 off shift, 1 away)", reason.Detail);
        Assert.Equal(Noon.AddMinutes(1), reason.Since);
    }

    [Fact]
    public void NobodyQualifiedNamesTheSkillTheLevelAndTheBestOnShift()
    {
        var reason = Explain(
            Queued(required: [Needs("hydraulics", 3)]),
            [Tech("T1", skills: new Skill("hydraulics", 2)), Tech("T2", onShift: false, skills: Hydraulics3)]);

        Assert.Equal(WaitingReasonKind.NobodyQualified, reason.Kind);
        Assert.Equal("nobody on shift has hydraulics≥3 (best on shift: 2)", reason.Detail);
        Assert.Equal([Needs("hydraulics", 3)], reason.MissingSkills.ToArray());
    }

    [Fact]
    public void NobodyAnywhereWithTheRequiredSkillMakesTheCaseUnroutable()
    {
        var reason = Explain(Queued(required: [Needs("hydraulics", 3)]), [Tech("T1", onShift: false, skills: new Skill("hydraulics", 2))]);

        Assert.Equal(WaitingReasonKind.Unroutable, reason.Kind);
        Assert.Equal("no technician on the roster has hydraulics≥3", reason.Detail);
        Assert.Equal([Needs("hydraulics", 3)], reason.MissingSkills.ToArray());
    }

    [Fact]
    public void ANeighbourWithTheSkillKeepsTheCaseRoutableAndAnUnknownElsewhereNeverCallsItUnroutable()
    {
        var queued = Queued(required: [Needs("hydraulics", 3)]);
        var neighbour = SkillProfiles.Of([[Hydraulics3]]);

        Assert.Equal(WaitingReasonKind.NobodyOnShift, Explain(queued, [], elsewhere: neighbour).Kind);
        var unknown = new WaitingReasons(new WaitingContext([], null, false, [], TimeSpan.FromMinutes(10), Noon));
        Assert.Equal(WaitingReasonKind.NobodyOnShift, unknown.Explain(queued, 0, null).Kind);
    }

    [Fact]
    public void OnlyOptionalSkillsHoldingItBackMeansWaitingForRelaxation()
    {
        var reason = Explain(Queued(required: [Needs("hydraulics", 3)], optional: [Needs("english", 2)]), [Tech("T1", skills: Hydraulics3)]);

        Assert.Equal(WaitingReasonKind.WaitingForRelaxation, reason.Kind);
        Assert.Equal("only the optional english≥2 holds it back; dropped at 2026-03-02 12:10:00Z", reason.Detail);
    }

    [Fact]
    public void QualifiedTechniciansWithoutRoomAreAllAtCapacity()
    {
        var reason = Explain(Queued(weight: 2), [Tech("T1", load: 3, capacity: 4), Tech("T2", load: 4, capacity: 4)]);

        Assert.Equal(WaitingReasonKind.AllAtCapacity, reason.Kind);
        Assert.Equal("all 2 qualified technicians on shift are at capacity (it needs 2 units)", reason.Detail);
    }

    [Fact]
    public void ATechnicianHoldingNothingHasRoomForAHeavierCaseThanItsCapacity()
    {
        var reason = Explain(Queued(weight: 2), [Tech("T1", capacity: 1)], casesAhead: 3);

        Assert.Equal(WaitingReasonKind.CasesAhead, reason.Kind);
        Assert.Equal("3 cases ahead in the queue; 1 qualified technician has room", reason.Detail);
    }

    [Fact]
    public void PastTheOverflowThresholdTheCaseIsSentToNeighboursWithTheLocalReasonInTheDetail()
    {
        var reason = Explain(Queued(), [Tech("T1", onShift: false)], pastThreshold: true, neighbours: ["west"]);

        Assert.Equal(WaitingReasonKind.SentToNeighbour, reason.Kind);
        Assert.Equal("offered to west at each review (the queue is past its overflow threshold); here: nobody on shift (1 off shift)", reason.Detail);
    }

    [Fact]
    public void TheSinceOfAReasonCarriesOverWhileItsKindHolds()
    {
        var earlier = new WaitingReason(WaitingReasonKind.AllAtCapacity, "before", Noon.AddMinutes(-5));

        Assert.Equal(Noon.AddMinutes(-5), Explain(Queued(), [Tech("T1", load: 4)], previous: earlier).Since);
        Assert.Equal(Noon.AddMinutes(1), Explain(Queued(), [], previous: earlier).Since);
    }

    [Fact]
    public void ACaseThatNeedsNoSkillIsNeverUnroutableEvenWithNobodyOnTheRoster()
    {
        var reason = Explain(Queued(), []);

        Assert.Equal((WaitingReasonKind.NobodyOnShift, "nobody on the roster"), (reason.Kind, reason.Detail));
    }
}
