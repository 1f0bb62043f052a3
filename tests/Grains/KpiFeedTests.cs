using System.Text.Json;
using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Domain.CaseList;
using AfterSales.Domain.Kpis;
using AfterSales.Kpis;
using AfterSales.Surveys;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Case events reach the KPI figures through the case feed, each counted once: a catch-up that reads events
/// again and a rebuild of the partition give the same figures.</summary>
[Collection(ClusterCollection.Name)]
public sealed class KpiFeedTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ACasesLifeReachesTheFiguresOnceHoweverOftenItsEventsAreDelivered()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var number = s.CaseNumber;
        var opened = (await s.Scenario.Case(number).GetAsync())!;
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        await s.Scenario.ApplyAsync(number, CaseAction.Start);
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var resolved = await s.Scenario.ResolveAsync(number);
        await fixture.Grains.GetGrain<ISurveyGrain>(resolved.Surveys[0].Token).RespondAsync(new SurveyAnswer(5, 10, null));
        await fixture.OneWay.Idle();
        await s.FileAsync();
        var feed = fixture.Grains.GetGrain<ICaseFeedGrain>(FeedPartitions.Key(FeedPartitions.Of(number)));
        var query = new KpiQuery(opened.CreatedAt.AddMinutes(-1), fixture.Clock.GetUtcNow().AddMinutes(1), Region: s.Scenario.Region);
        var history = await s.Scenario.HistoryAsync(number);

        await feed.CatchUpAsync();
        var row = (await fixture.CaseList.ReadRowsAsync([number]))[number];
        var report = await fixture.Grains.GetGrain<ICaseListGrain>(0).GetKpisAsync(query);
        await feed.CatchUpAsync();
        var again = await fixture.Grains.GetGrain<ICaseListGrain>(0).GetKpisAsync(query);
        await feed.ResetAsync();
        await feed.CatchUpAsync();
        var rebuilt = await fixture.Grains.GetGrain<ICaseListGrain>(0).GetKpisAsync(query);

        Assert.Contains(history, e => e.Action == CaseEventKinds.ComplaintFiled);
        Assert.Equal(history[^1].Sequence, row.LastSequence);
        Assert.Equal(0, report.Backlog.Total);
        Assert.Equal(new KpiMttr(1, 2.5), report.Mttr);
        Assert.Equal(new KpiRatio(1, 1, 100), report.Sla.Single(l => l.Priority == KpiFigures.AllPriorities).Response);
        Assert.Equal(new KpiRatio(1, 1, 100), report.Csat);
        Assert.Equal(new KpiNps(1, 1, 0, 100), report.Nps);
        Assert.Equal(new KpiRatio(1, 1, 100), report.Complaints);
        Assert.Equal(Figures(report), Figures(again));
        Assert.Equal(Figures(report), Figures(rebuilt));
    }

    [Fact]
    public async Task AComplaintIsRecordedOnceOnItsCaseHoweverOftenTheCaseIsTold()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var complaint = await s.FileAsync();

        await s.Scenario.Case(s.CaseNumber).OnComplaintFiledAsync(complaint.Id);
        await s.Scenario.Case(s.CaseNumber).OnComplaintFiledAsync(complaint.Id);

        var filed = (await s.Scenario.HistoryAsync(s.CaseNumber)).Where(e => e.Action == CaseEventKinds.ComplaintFiled).ToList();
        Assert.Equal($"complaint {complaint.Id}", Assert.Single(filed).Details);
    }

    /// <summary>The figures without the progress (which moves with every test's events).</summary>
    private static string Figures(KpiReport report) => JsonSerializer.Serialize(report with { Progress = new ProjectionProgress(0, 0) });
}
