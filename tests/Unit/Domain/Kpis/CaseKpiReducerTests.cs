using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Domain.Kpis;

namespace AfterSales.Tests.Unit.Domain.Kpis;

public sealed class CaseKpiReducerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnEventThatTouchesNoKpiLeavesTheFactsAsTheyWere()
    {
        Assert.Null(CaseKpiReducer.Apply(null, T0, CaseEventKinds.Assigned, "tech-1"));
        Assert.Null(CaseKpiReducer.Apply(null, T0, CaseEventKinds.Note, "internal note 1"));
    }

    [Fact]
    public void TheFirstResponseIsTheFirstStartOrCustomerNote()
    {
        var noted = CaseKpiReducer.Apply(null, T0, CaseEventKinds.Note, "customer note 1");
        var started = CaseKpiReducer.Apply(noted, T0.AddHours(1), "start", null);

        Assert.Equal(T0, started!.FirstResponseAt);
    }

    [Fact]
    public void ABreachCountsOncePerTargetAtItsFirstInstant()
    {
        var facts = CaseKpiReducer.Apply(null, T0, CaseEventKinds.SlaBreached, "resolution due 2026-03-01T08:00:00Z");
        facts = CaseKpiReducer.Apply(facts, T0.AddHours(2), CaseEventKinds.SlaBreached, "resolution due 2026-03-01T10:00:00Z");
        facts = CaseKpiReducer.Apply(facts, T0.AddHours(3), CaseEventKinds.SlaBreached, "nextUpdate due 2026-03-01T11:00:00Z");
        facts = CaseKpiReducer.Apply(facts, T0.AddHours(3), CaseEventKinds.SlaWarning, "firstResponse due 2026-03-01T12:00:00Z");

        Assert.Equal(new CaseKpiFacts(ResolutionBreachedAt: T0), facts);
    }

    [Fact]
    public void VisitsSurveysAndComplaintsAddUp()
    {
        var facts = CaseKpiReducer.Apply(null, T0, CaseEventKinds.VisitRecorded, "visit 1: followUpNeeded, 45 min on site, 2 parts");
        facts = CaseKpiReducer.Apply(facts, T0.AddDays(1), CaseEventKinds.VisitRecorded, "visit 2 by T-7: fixed, 30 min on site, 1 part");
        facts = CaseKpiReducer.Apply(facts, T0.AddDays(2), CaseEventKinds.SurveyAnswered, "visit:2: survey 0190abcd, score 4, nps 9");
        facts = CaseKpiReducer.Apply(facts, T0.AddDays(3), CaseEventKinds.SurveyAnswered, "resolution: survey 0190abce, score 3, nps 3");
        facts = CaseKpiReducer.Apply(facts, T0.AddDays(3), CaseEventKinds.ComplaintFiled, "complaint CP-2026-1");
        facts = CaseKpiReducer.Apply(facts, T0.AddDays(4), "reopen", "Again.");

        Assert.Equal(new CaseKpiFacts(null, 1, 2, false, 75, T0.AddDays(1), null, null, 2, 1, 1, 1, T0.AddDays(3), 1), facts);
    }
}
