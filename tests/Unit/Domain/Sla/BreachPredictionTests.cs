using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.Sla;
using AfterSales.Routing;
using AfterSales.Sla;
using AfterSales.Technicians;

namespace AfterSales.Tests.Unit.Domain.Sla;

public sealed class BreachPredictionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    // Ten minutes from assignment to start, thirty of work: a case holds its units for forty minutes.
    private static readonly HandlingTimes Times = new(10, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));

    private static DateTimeOffset At(int minutes) => Now + TimeSpan.FromMinutes(minutes);

    private static TechnicianStatus Technician(string id, int capacity, params HeldWork[] held) =>
        new(id, Department.Maintenance, "east", capacity, held.Sum(h => h.Weight), true, [new Skill("hydraulics", 3)], null, 1)
        {
            Held = [.. held],
        };

    private static HeldWork Started(string number, int startedMinutesAgo, int weight = 1) =>
        new(number, weight, At(-startedMinutesAgo - 10), At(-startedMinutesAgo), null);

    private static QueuedForPrediction Queued(string number, int dueInMinutes, int weight = 1, bool wasAtRisk = false,
        SlaDueTarget target = SlaDueTarget.FirstResponse, params SkillRequirement[] required) =>
        new(number, weight, [.. required], new SlaDue(target, At(dueInMinutes)), wasAtRisk);

    [Fact]
    public void QueuedCasesStartWhenTheirTechnicianFreesRoomInQueueOrder()
    {
        // The one unit frees 20 minutes from now (started 10 minutes ago, 30 of work).
        var verdicts = BreachPrediction.ForQueue([Technician("T1", 1, Started("H1", 10))],
            [Queued("Q1", dueInMinutes: 60), Queued("Q2", dueInMinutes: 60)], Times, Now);

        Assert.Equal(2, verdicts.Count);
        Assert.Equal(At(30), verdicts[0].Forecast.PredictedAt); // assigned at +20, started ten minutes later
        Assert.False(verdicts[0].AtRisk);
        Assert.Equal(At(70), verdicts[1].Forecast.PredictedAt); // assigned when Q1 releases at +60
        Assert.True(verdicts[1].AtRisk);
        Assert.Equal(At(60), verdicts[1].Forecast.DueAt);
    }

    [Fact]
    public void EachCaseGoesToTheTechnicianThatFreesRoomFirst()
    {
        var verdicts = BreachPrediction.ForQueue(
            [Technician("T1", 1, Started("H1", 0)), Technician("T2", 1, Started("H2", 25))],
            [Queued("Q1", 100), Queued("Q2", 100), Queued("Q3", 100)], Times, Now);

        // T2 frees at +5, T1 at +30; Q3 takes T2 again at +45.
        Assert.Equal([At(15), At(40), At(55)], verdicts.Select(v => v.Forecast.PredictedAt));
    }

    [Fact]
    public void ACaseWaitsForAQualifiedTechnicianAndGetsNoVerdictWithoutOne()
    {
        var expert = Technician("T1", 1, Started("H1", 10));
        var novice = Technician("T2", 1) with { Skills = [] };
        var needs = new SkillRequirement("hydraulics", 3);

        var verdicts = BreachPrediction.ForQueue([expert, novice],
            [Queued("Q1", 60, required: needs), Queued("Q2", 60, required: new SkillRequirement("welding", 1))], Times, Now);

        var only = Assert.Single(verdicts);
        Assert.Equal("Q1", only.CaseNumber);
        Assert.Equal(At(30), only.Forecast.PredictedAt); // the free novice does not count
    }

    [Fact]
    public void AHeavyCaseWaitsUntilEnoughUnitsAreFree()
    {
        // Capacity 3 with two one-unit cases: a weight-2 case fits once the first frees (+5), not now.
        var verdicts = BreachPrediction.ForQueue([Technician("T1", 3, Started("H1", 25), Started("H2", 0))],
            [Queued("Q1", 60, weight: 2)], Times, Now);

        Assert.Equal(At(15), Assert.Single(verdicts).Forecast.PredictedAt);
    }

    [Fact]
    public void AResolutionTargetIsPredictedAtTheEndOfWork()
    {
        var verdicts = BreachPrediction.ForQueue([Technician("T1", 1)],
            [Queued("Q1", 35, target: SlaDueTarget.Resolution)], Times, Now);

        var verdict = Assert.Single(verdicts);
        Assert.Equal(At(40), verdict.Forecast.PredictedAt); // starts at +10, thirty minutes of work
        Assert.True(verdict.AtRisk);
    }

    [Fact]
    public void AnAssignedCaseStartsAfterTheBacklogAheadOfIt()
    {
        var technician = Technician("T1", 3,
            new HeldWork("A1", 1, At(-5), null, new SlaDue(SlaDueTarget.FirstResponse, At(60))),
            new HeldWork("A2", 1, At(-4), null, new SlaDue(SlaDueTarget.FirstResponse, At(19))),
            new HeldWork("A3", 1, At(-3), null, null));

        var verdicts = BreachPrediction.ForHeld(technician, Times, Now, _ => false);

        Assert.Equal(["A1", "A2"], verdicts.Select(v => v.CaseNumber));
        Assert.Equal(At(5), verdicts[0].Forecast.PredictedAt);
        Assert.Equal(At(15), verdicts[1].Forecast.PredictedAt); // one start cadence after A1
        Assert.False(verdicts[0].AtRisk);
        Assert.True(verdicts[1].AtRisk); // 15 > 19 - 5
        Assert.Equal("T1", verdicts[1].TechnicianId);
        Assert.Equal([0, 1], verdicts.Select(v => v.Ahead));
    }

    [Fact]
    public void AFlagIsRaisedWithinTheMarginAndClearedOnlyWellBeforeTheDueTime()
    {
        var due = At(60);

        Assert.False(BreachPrediction.IsAtRisk(At(55), due, wasAtRisk: false));
        Assert.True(BreachPrediction.IsAtRisk(At(56), due, wasAtRisk: false));
        // Hysteresis: a flagged case stays flagged until the prediction is 15 minutes early.
        Assert.True(BreachPrediction.IsAtRisk(At(50), due, wasAtRisk: true));
        Assert.True(BreachPrediction.IsAtRisk(At(46), due, wasAtRisk: true));
        Assert.False(BreachPrediction.IsAtRisk(At(45), due, wasAtRisk: true));
    }

    [Fact]
    public void ACaseWithoutAnSlaTargetTakesItsPlaceButGetsNoVerdict()
    {
        var verdicts = BreachPrediction.ForQueue([Technician("T1", 1)],
            [new QueuedForPrediction("Q0", 1, ImmutableArray<SkillRequirement>.Empty, null, false), Queued("Q1", 60)], Times, Now);

        Assert.Equal(At(50), Assert.Single(verdicts).Forecast.PredictedAt); // behind Q0, which holds the unit until +40
    }

    [Fact]
    public void ATechnicianWithoutTheOptionalSkillsCountsOnlyFromTheRelaxation()
    {
        var free = Technician("T1", 1);
        var queued = Queued("Q1", 60) with { Optional = [new SkillRequirement("english", 2)], RelaxesAt = At(12) };

        var verdict = Assert.Single(BreachPrediction.ForQueue([free], [queued], Times, Now));

        Assert.Equal(At(22), verdict.Forecast.PredictedAt);
        Assert.Equal(At(10), Assert.Single(BreachPrediction.ForQueue([free], [queued with { RelaxesAt = null }], Times, Now)).Forecast.PredictedAt);
    }
}
