using AfterSales.Cases;
using AfterSales.Domain.Reliability;

namespace AfterSales.Tests.Unit.Domain.Reliability;

public sealed class VisitRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    private static RecordVisitRequest Visit(int? minutes = 45, DateTimeOffset? start = null, DateTimeOffset? end = null,
        params PartUsed[] parts) =>
        new("T-7", "Replaced the seal.", [.. parts], minutes, start, end, VisitOutcome.Fixed, "api");

    [Fact]
    public void ACompleteVisitPasses()
    {
        Assert.Null(VisitRules.Validate(Visit(parts: new PartUsed("PS-40", 2)), Now));
    }

    [Theory]
    [InlineData(0, "minutesOnSite")]
    [InlineData(1441, "minutesOnSite")]
    public void TimeOnSiteIsOneMinuteToADay(int minutes, string field)
    {
        Assert.Equal(field, VisitRules.Validate(Visit(minutes), Now)?.Field);
    }

    [Fact]
    public void TimeOnSiteIsMinutesOrAStartAndAnEndButNotBothNorNeither()
    {
        Assert.Equal("minutesOnSite", VisitRules.Validate(Visit(45, Now.AddHours(-2), Now.AddHours(-1)), Now)?.Field);
        Assert.Equal("minutesOnSite", VisitRules.Validate(Visit(null), Now)?.Field);
        Assert.Equal("endedAt", VisitRules.Validate(Visit(null, Now.AddHours(-2)), Now)?.Field);
        Assert.Equal("startedAt", VisitRules.Validate(Visit(null, end: Now.AddHours(-2)), Now)?.Field);
    }

    [Fact]
    public void AVisitEndsAfterItStartsWithinADayAndNotInTheFuture()
    {
        Assert.Equal("endedAt", VisitRules.Validate(Visit(null, Now.AddHours(-1), Now.AddHours(-2)), Now)?.Field);
        Assert.Equal("endedAt", VisitRules.Validate(Visit(null, Now.AddHours(-30), Now.AddHours(-1)), Now)?.Field);
        Assert.Equal("endedAt", VisitRules.Validate(Visit(null, Now, Now.AddMinutes(30)), Now)?.Field);
        Assert.Null(VisitRules.Validate(Visit(null, Now.AddMinutes(-30), Now.AddMinutes(4)), Now));
    }

    [Fact]
    public void AStartAndEndGiveTheMinutesOnSiteRoundedUp()
    {
        Assert.Equal(76, VisitRules.MinutesOnSite(Visit(null, Now.AddMinutes(-75.5), Now)));
        Assert.Equal(45, VisitRules.MinutesOnSite(Visit(45)));
    }

    [Fact]
    public void APartNeedsANumberAndAQuantityOfOneToTenThousand()
    {
        Assert.Equal("parts[1].partNumber", VisitRules.Validate(Visit(parts: [new("PS-40", 1), new(" ", 1)]), Now)?.Field);
        Assert.Equal("parts[0].quantity", VisitRules.Validate(Visit(parts: new PartUsed("PS-40", 0)), Now)?.Field);
        Assert.Equal("parts[0].quantity", VisitRules.Validate(Visit(parts: new PartUsed("PS-40", 10_001)), Now)?.Field);
    }

    [Fact]
    public void WorkDoneAndAKnownOutcomeAreRequired()
    {
        Assert.Equal("workDone", VisitRules.Validate(Visit() with { WorkDone = "  " }, Now)?.Field);
        Assert.Equal("outcome", VisitRules.Validate(Visit() with { Outcome = (VisitOutcome)7 }, Now)?.Field);
    }

    [Theory]
    [InlineData(CaseType.Fault, true)]
    [InlineData(CaseType.Maintenance, true)]
    [InlineData(CaseType.Installation, true)]
    [InlineData(CaseType.Consultation, false)]
    [InlineData(CaseType.Complaint, false)]
    [InlineData(CaseType.Problem, false)]
    public void OnlyWorkOnADeviceTakesVisits(CaseType type, bool takes)
    {
        Assert.Equal(takes, VisitRules.TakesVisits(type));
    }

    [Theory]
    [InlineData(CaseStatus.Resolved, false)]
    [InlineData(CaseStatus.InProgress, false)]
    [InlineData(CaseStatus.Closed, true)]
    [InlineData(CaseStatus.Cancelled, true)]
    public void AClosedOrCancelledCaseIsFinishedAndAResolvedOneIsNot(CaseStatus status, bool finished)
    {
        Assert.Equal(finished, VisitRules.IsFinished(status));
    }

    [Fact]
    public void TheJournalLineNamesTheVisitTechnicianOutcomeTimeAndParts()
    {
        var visit = new CaseVisit(2, "T-7", "x", [new("PS-40", 1)], null, null, 45, VisitOutcome.FollowUpNeeded, Now, "api");

        Assert.Equal("visit 2 by T-7: followUpNeeded, 45 min on site, 1 part", VisitRules.Describe(visit));
    }
}
