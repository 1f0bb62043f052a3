using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Surveys;
using AfterSales.Surveys;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Satisfaction surveys: issued once per resolution and per visit, answered once before they expire, counted
/// once in the aggregates of their technician, department-region and region.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SurveyTests(ClusterFixture fixture)
{
    private const Department Support = Department.TechnicalSupport;

    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    private ISurveyGrain Survey(string token) => fixture.Grains.GetGrain<ISurveyGrain>(token);

    private ISurveyResultsGrain Results => fixture.Grains.GetGrain<ISurveyResultsGrain>(0);

    private static RecordVisitRequest Visit(string key) =>
        new(null, "Replaced the pump seal.", [], 40, null, null, VisitOutcome.Fixed, "tech-1", IdempotencyKey: key, RequestHash: "hash-" + key);

    /// <summary>A fault case worked by a technician of its own region, resolved.</summary>
    private async Task<(Scenario Scenario, string Technician, CaseSnapshot Resolved)> ResolvedAsync(Scenario? shared = null, string? technician = null)
    {
        var scenario = shared ?? new Scenario(fixture);
        technician ??= await scenario.TechnicianAsync(Support, capacity: 10);
        var opened = await scenario.OpenForNewCustomerAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        return (scenario, technician, await scenario.ResolveAsync(opened.Number));
    }

    private static int Count(IEnumerable<CaseEvent> history, string kind) => history.Count(e => e.Action == kind);

    [Fact]
    public async Task AResolutionIssuesOneSurveyTheCaseShowsAndJournalsWithoutItsToken()
    {
        var (scenario, technician, resolved) = await ResolvedAsync();

        var survey = Assert.Single(resolved.Surveys);
        Assert.True(SurveyTokens.IsWellFormed(survey.Token));
        Assert.Equal((SurveyTrigger.Resolution, "resolution-1", technician, CaseSurveyState.Open),
            (survey.Issue.Trigger, survey.Issue.Source, survey.Issue.TechnicianId, survey.State));
        Assert.Equal(resolved.ResolvedAt!.Value + ClusterFixture.SurveyExpiry, survey.Issue.ExpiresAt);
        var issued = Assert.Single(await scenario.HistoryAsync(resolved.Number), e => e.Action == CaseEventKinds.SurveyIssued);
        Assert.Contains(survey.Issue.SurveyId.ToString(), issued.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(survey.Token, issued.Details, StringComparison.Ordinal);

        var view = (await Survey(survey.Token).GetAsync())!;
        Assert.Equal((resolved.Number, resolved.Subject, "Zhang Min", "zh-CN", false, null),
            (view.CaseNumber, view.Subject, view.TechnicianName, view.Language, view.Expired, view.Response));
        Assert.Equal(SurveyQuestions.For("zh-CN").ToArray(), view.Questions.ToArray());
    }

    [Fact]
    public async Task ARetriedResolveIsRefusedAndIssuesNoSecondSurvey()
    {
        var (scenario, _, resolved) = await ResolvedAsync();

        var retry = await scenario.Case(resolved.Number).ApplyAsync(new CaseCommand(CaseAction.Resolve, "tech-1", "Replaced the seal."));

        Assert.Equal(ErrorKind.Conflict, retry.Error?.Kind);
        Assert.Single((await scenario.Case(resolved.Number).GetAsync())!.Surveys);
        Assert.Equal(1, Count(await scenario.HistoryAsync(resolved.Number), CaseEventKinds.SurveyIssued));
    }

    [Fact]
    public async Task AReopenedCaseResolvedAgainGetsASurveyOfItsSecondResolution()
    {
        var (scenario, _, resolved) = await ResolvedAsync();

        await scenario.ApplyAsync(resolved.Number, CaseAction.Reopen, actor: "agent-2");
        var again = await scenario.ResolveAsync(resolved.Number);

        Assert.Equal(["resolution-1", "resolution-2"], again.Surveys.Select(s => s.Issue.Source));
        Assert.NotEqual(again.Surveys[0].Token, again.Surveys[1].Token);
        Assert.NotNull(await Survey(again.Surveys[1].Token).GetAsync());
    }

    [Fact]
    public async Task EachVisitIssuesOneSurveyAndARetriedVisitNone()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, capacity: 10);
        var opened = await scenario.OpenForNewCustomerAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);

        var first = await scenario.Case(opened.Number).RecordVisitAsync(Visit("v-1"));
        var retry = await scenario.Case(opened.Number).RecordVisitAsync(Visit("v-1"));
        await scenario.Case(opened.Number).RecordVisitAsync(Visit("v-2"));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Value!.Visit.Id, retry.Value!.Visit.Id);
        var surveys = (await scenario.Case(opened.Number).GetAsync())!.Surveys;
        Assert.Equal([("visit-1", technician), ("visit-2", technician)], surveys.Select(s => (s.Issue.Source, s.Issue.TechnicianId)));
        Assert.All(surveys, s => Assert.Equal(SurveyTrigger.Visit, s.Issue.Trigger));
    }

    [Fact]
    public async Task ASurveyTakesOneResponseAndItsCaseShowsIt()
    {
        var (scenario, _, resolved) = await ResolvedAsync();
        var token = resolved.Surveys[0].Token;

        var accepted = await Survey(token).RespondAsync(new SurveyAnswer(4, 9, " Quick and tidy. "));
        var replayed = await Survey(token).RespondAsync(new SurveyAnswer(4, 9, "Quick and tidy."));
        var second = await Survey(token).RespondAsync(new SurveyAnswer(5, 10, null));
        await fixture.OneWay.Idle();

        Assert.Equal((SurveyOutcome.Accepted, SurveyOutcome.Replayed, SurveyOutcome.AlreadyAnswered),
            (accepted.Outcome, replayed.Outcome, second.Outcome));
        Assert.Equal(new SurveyAnswer(4, 9, "Quick and tidy."), (await Survey(token).GetAsync())!.Response!.Answer);
        var shown = (await scenario.Case(resolved.Number).GetAsync())!.Surveys.Single();
        Assert.Equal((CaseSurveyState.Answered, 4, 9), (shown.State, shown.Response!.Answer.Score, shown.Response.Answer.Nps));
        Assert.Equal(1, Count(await scenario.HistoryAsync(resolved.Number), CaseEventKinds.SurveyAnswered));
    }

    [Fact]
    public async Task AnAnswerOutsideTheScalesIsRefusedAndChangesNothing()
    {
        var (_, _, resolved) = await ResolvedAsync();
        var token = resolved.Surveys[0].Token;

        var refused = await Survey(token).RespondAsync(new SurveyAnswer(6, 9, null));

        Assert.Equal((SurveyOutcome.Invalid, "score"), (refused.Outcome, refused.Field));
        Assert.Null((await Survey(token).GetAsync())!.Response);
    }

    [Fact]
    public async Task ASurveyExpiresOnTheClockAndTakesNoResponseAfter()
    {
        var (scenario, _, resolved) = await ResolvedAsync();
        var token = resolved.Surveys[0].Token;

        fixture.Clock.Advance(ClusterFixture.SurveyExpiry - TimeSpan.FromSeconds(1));
        Assert.False((await Survey(token).GetAsync())!.Expired);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await Survey(token).RespondAsync(new SurveyAnswer(3, 7, null));

        Assert.Equal(SurveyOutcome.Expired, late.Outcome);
        Assert.True((await Survey(token).GetAsync())!.Expired);
        Assert.Equal(CaseSurveyState.Expired, (await scenario.Case(resolved.Number).GetAsync())!.Surveys.Single().State);
    }

    [Fact]
    public async Task AnUnknownTokenHasNoSurveyAndTakesNoResponse()
    {
        var token = SurveyTokens.New();

        Assert.Null(await Survey(token).GetAsync());
        Assert.Equal(SurveyOutcome.NotFound, (await Survey(token).RespondAsync(new SurveyAnswer(3, 7, null))).Outcome);
    }

    [Fact]
    public async Task AggregatesCountEachSurveyOnceHoweverOftenItsFactsArrive()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, capacity: 10);
        var first = (await ResolvedAsync(scenario, technician)).Resolved;
        var second = (await ResolvedAsync(scenario, technician)).Resolved;
        var third = (await ResolvedAsync(scenario, technician)).Resolved;
        await Survey(first.Surveys[0].Token).RespondAsync(new SurveyAnswer(5, 10, null));
        await Survey(second.Surveys[0].Token).RespondAsync(new SurveyAnswer(2, 6, "Came late."));

        // Repeated deliveries: the case checking its surveys again, a client's retry, a reminder's re-report.
        foreach (var resolved in new[] { first, second, third })
        {
            await Survey(resolved.Surveys[0].Token).IssueAsync(resolved.Surveys[0].Issue);
        }
        await Survey(first.Surveys[0].Token).RespondAsync(new SurveyAnswer(5, 10, null));
        await fixture.Grains.GetGrain<IRemindable>(fixture.Grains.GetGrain<ISurveyGrain>(second.Surveys[0].Token).GetGrainId())
            .ReceiveReminder(SurveyGrain.ReportReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        var keys = new (SurveyDimension, string)[]
        {
            (SurveyDimension.Technician, technician),
            (SurveyDimension.DepartmentRegion, $"technical-support/{scenario.Region}"),
            (SurveyDimension.Region, scenario.Region),
        };
        foreach (var (dimension, key) in keys)
        {
            var days = await Results.GetDaysAsync(dimension, key, Today.AddDays(-1), Today.AddDays(1));
            var totals = SurveyMath.Sum(Today, days);
            Assert.Equal((3L, 2L, 1L, 0L, 1L), (totals.Issued, totals.Responses, totals.Promoters, totals.Passives, totals.Detractors));
            Assert.Equal(new long[] { 0, 1, 0, 0, 1 }, totals.ScoreCounts.ToArray());
            Assert.Equal((3.5, 0.0, 0.6667), (SurveyMath.CsatAverage(totals), SurveyMath.Nps(totals), SurveyMath.ResponseRate(totals)));
        }
    }

    [Fact]
    public async Task AHandOffLostBesideTheCaseWriteIsMadeGoodByTheCaseReminder()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, capacity: 10);
        var opened = await scenario.OpenForNewCustomerAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        fixture.Faults.FailNextWrite(state => state is SurveyState { Issue: { } issue } && issue.CaseNumber == opened.Number);

        var resolved = await scenario.ResolveAsync(opened.Number);
        var token = resolved.Surveys.Single().Token;
        Assert.Null(await Survey(token).GetAsync());

        await fixture.Grains.GetGrain<IRemindable>(scenario.Case(opened.Number).GetGrainId())
            .ReceiveReminder(CaseGrain.SurveyHandOffReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        Assert.Equal(resolved.Number, (await Survey(token).GetAsync())?.CaseNumber);
        var totals = SurveyMath.Sum(Today, await Results.GetDaysAsync(SurveyDimension.Technician, technician, Today.AddDays(-1), Today.AddDays(1)));
        Assert.Equal(1L, totals.Issued);
    }

    [Fact]
    public async Task AResponseWhoseNoticeToTheCaseWasLostReachesTheCaseAtItsNextCheck()
    {
        var (scenario, _, resolved) = await ResolvedAsync();
        var token = resolved.Surveys[0].Token;
        var lost = fixture.Drops.DropNext(resolved.Number, nameof(ICaseGrain.OnSurveyAnsweredAsync));

        await Survey(token).RespondAsync(new SurveyAnswer(3, 8, null));
        await lost.Dropped;
        Assert.Equal(CaseSurveyState.Open, (await scenario.Case(resolved.Number).GetAsync())!.Surveys.Single().State);

        await fixture.Grains.GetGrain<IRemindable>(scenario.Case(resolved.Number).GetGrainId())
            .ReceiveReminder(CaseGrain.SurveyHandOffReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        Assert.Equal(CaseSurveyState.Answered, (await scenario.Case(resolved.Number).GetAsync())!.Surveys.Single().State);
        Assert.Equal(1, Count(await scenario.HistoryAsync(resolved.Number), CaseEventKinds.SurveyAnswered));
    }

    [Fact]
    public async Task ACaseThatActivatesAgainPicksUpAResponseWhoseNoticeWasLost()
    {
        var (scenario, _, resolved) = await ResolvedAsync();
        var token = resolved.Surveys[0].Token;
        var lost = fixture.Drops.DropNext(resolved.Number, nameof(ICaseGrain.OnSurveyAnsweredAsync));
        await Survey(token).RespondAsync(new SurveyAnswer(5, 9, null));
        await lost.Dropped;
        await fixture.Cluster.DeactivateAsync(scenario.Case(resolved.Number));
        var checkedAgain = fixture.Calls.Handled(Survey(token), nameof(ISurveyGrain.IssueAsync));

        Assert.NotNull(await scenario.Case(resolved.Number).GetAsync());
        await checkedAgain;

        var shown = (await scenario.Case(resolved.Number).GetAsync())!.Surveys.Single();
        Assert.Equal((CaseSurveyState.Answered, 5, 9), (shown.State, shown.Response!.Answer.Score, shown.Response.Answer.Nps));
    }

    [Fact]
    public async Task AResolveWhoseCaseWriteFailsLeavesNoSurveyCountedAndItsRetryIssuesOne()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Support, capacity: 10);
        var opened = await scenario.OpenForNewCustomerAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        fixture.Faults.FailNextWrite(scenario.Case(opened.Number).GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => scenario.Case(opened.Number).ApplyAsync(new CaseCommand(CaseAction.Resolve, "tech-1", "Replaced the seal.")));
        var issuedAfterFailure = await IssuedAsync(technician);
        var resolved = await scenario.ResolveAsync(opened.Number);

        Assert.Equal(0L, issuedAfterFailure);
        Assert.Single(resolved.Surveys);
        Assert.Equal(1L, await IssuedAsync(technician));
        Assert.Equal(1, Count(await scenario.HistoryAsync(opened.Number), CaseEventKinds.SurveyIssued));
    }

    private async Task<long> IssuedAsync(string technician) =>
        SurveyMath.Sum(Today, await Results.GetDaysAsync(SurveyDimension.Technician, technician, Today.AddDays(-1), Today.AddDays(1))).Issued;

    [Fact]
    public async Task ACancelledCaseIssuesNoSurvey()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Support, capacity: 10);
        var consultation = await scenario.OpenForNewCustomerAsync();
        await scenario.ApplyAsync(consultation.Number, CaseAction.Cancel);

        Assert.Empty((await scenario.Case(consultation.Number).GetAsync())!.Surveys);
    }
}
