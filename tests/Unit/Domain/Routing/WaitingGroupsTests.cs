using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Departments;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class WaitingGroupsTests
{
    private static QueuedCase Queued(string number, int minute = 0, WaitingReasonKind? told = null, ImmutableArray<SkillRequirement> required = default) =>
        new(number, CasePriority.Normal, CaseType.Fault, 2, Noon.AddMinutes(minute), Noon.AddMinutes(minute))
        {
            Required = required.IsDefault ? [] : required,
            Waiting = told is { } kind ? new WaitingReason(kind, "told", Noon.AddMinutes(minute)) : null,
        };

    private static WaitingReasons Judge(DateTimeOffset now, params TechnicianStatus[] roster) =>
        new(new WaitingContext(roster, SkillProfiles.Empty, false, [], TimeSpan.FromMinutes(10), now));

    [Fact]
    public void CasesWithTheSameNeedsAreOneGroupJudgedOnce()
    {
        var groups = new WaitingGroups();
        groups.Track(Queued("A"));
        groups.Track(Queued("B"));
        groups.Track(Queued("C", required: [Needs("hydraulics", 3)]));

        var untold = groups.Judge(Judge(Noon, Tech("T1", onShift: false)), Noon);

        Assert.Equal((3, 2, 3), (groups.Count, groups.GroupCount, untold));
        Assert.Equal(WaitingReasonKind.NobodyOnShift, groups.KindOf("A"));
        Assert.Equal(WaitingReasonKind.Unroutable, groups.KindOf("C"));
    }

    [Fact]
    public void OnlyCasesToldAnotherKindThanTheirGroupsAreUntold()
    {
        var groups = new WaitingGroups();
        groups.Track(Queued("A", told: WaitingReasonKind.NobodyOnShift));
        groups.Track(Queued("B", told: WaitingReasonKind.AllAtCapacity));

        Assert.Equal(1, groups.Judge(Judge(Noon, Tech("T1", onShift: false)), Noon));
        Assert.False(groups.IsUntold(Queued("A", told: WaitingReasonKind.NobodyOnShift)));
        Assert.True(groups.IsUntold(Queued("B", told: WaitingReasonKind.AllAtCapacity)));

        // Telling B replaces what it was told: nothing is left to tell.
        groups.Track(Queued("B", told: WaitingReasonKind.NobodyOnShift));
        Assert.Equal(0, groups.Untold);

        // The roster changes: both are told the old kind now.
        Assert.Equal(2, groups.Judge(Judge(Noon, Tech("T1", load: 4)), Noon.AddMinutes(1)));
        Assert.Equal(WaitingReasonKind.AllAtCapacity, groups.KindOf("A"));
    }

    [Fact]
    public void ACaseThatLeavesOrJoinsAJudgedGroupKeepsTheUntoldCountRight()
    {
        var groups = new WaitingGroups();
        groups.Track(Queued("A"));
        groups.Judge(Judge(Noon, Tech("T1", load: 4)), Noon);
        Assert.Equal(1, groups.Untold);

        groups.Track(Queued("B", told: WaitingReasonKind.NobodyOnShift));
        groups.Track(Queued("C", told: WaitingReasonKind.AllAtCapacity));
        Assert.Equal(2, groups.Untold);

        Assert.True(groups.Untrack("A"));
        Assert.False(groups.Untrack("A"));
        Assert.Equal(1, groups.Untold);
        Assert.True(groups.Untrack("B"));
        Assert.True(groups.Untrack("C"));
        Assert.Equal((0, 0, 0), (groups.Count, groups.GroupCount, groups.Untold));
    }

    [Fact]
    public void AGroupFormedAfterTheLastJudgementIsNotCountedOrExplainedUntilTheNext()
    {
        var groups = new WaitingGroups();
        groups.Judge(Judge(Noon, Tech("T1", onShift: false)), Noon);
        var late = Queued("A", told: WaitingReasonKind.AllAtCapacity);
        groups.Track(late);

        Assert.Equal(0, groups.Untold);
        Assert.Null(groups.KindOf("A"));
        Assert.Null(groups.Explain(late, 0));
    }

    [Fact]
    public void AnExplainedReasonCountsTheCasesAheadAndHoldsSinceTheCaseWasToldItsKind()
    {
        var groups = new WaitingGroups();
        var told = Queued("A", minute: -30, told: WaitingReasonKind.CasesAhead);
        var untold = Queued("B", minute: -20, told: WaitingReasonKind.NobodyOnShift);
        groups.Track(told);
        groups.Track(untold);
        groups.Judge(Judge(Noon, Tech("T1")), Noon);

        var first = groups.Explain(told, 0)!;
        var second = groups.Explain(untold, 1)!;

        Assert.Equal((WaitingReasonKind.CasesAhead, "next in line; 1 qualified technician has room", Noon.AddMinutes(-30)),
            (first.Kind, first.Detail, first.Since));
        // B was told another kind: its reason holds since its group was judged this one.
        Assert.Equal((WaitingReasonKind.CasesAhead, "1 case ahead in the queue; 1 qualified technician has room", Noon),
            (second.Kind, second.Detail, second.Since));
    }

    [Fact]
    public void AGroupKeepsTheTimeItsKindBeganAcrossJudgementsThatAgree()
    {
        var groups = new WaitingGroups();
        var queued = Queued("A", minute: -30);
        groups.Track(queued);
        groups.Judge(Judge(Noon, Tech("T1", load: 4)), Noon);
        groups.Judge(Judge(Noon.AddMinutes(5), Tech("T1", load: 4)), Noon.AddMinutes(5));

        Assert.Equal(Noon, groups.Explain(queued, 0)!.Since);

        groups.Judge(Judge(Noon.AddMinutes(6), Tech("T1")), Noon.AddMinutes(6));
        Assert.Equal(Noon.AddMinutes(6), groups.Explain(queued, 0)!.Since);
    }

    [Fact]
    public void RepresentativesCarryEachGroupsNeeds()
    {
        var groups = new WaitingGroups();
        groups.Track(Queued("A"));
        groups.Track(Queued("B", required: [Needs("hydraulics", 3)]));
        groups.Track(Queued("C", required: [Needs("hydraulics", 3)]));

        Assert.Equal(
            ["", "hydraulics≥3"],
            groups.Representatives.Select(c => string.Join(",", c.Required)).Order(StringComparer.Ordinal));
    }
}
