using System.Globalization;
using System.Net;
using System.Text.Json;
using AfterSales.Api.Cases;
using AfterSales.Api.Surveys;
using AfterSales.Surveys;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Satisfaction surveys over HTTP: the customer's page and answer without an account, every refusal, the
/// results. Runs on an app of its own with a fake clock, so expiry is a step of the clock.</summary>
public sealed class SurveyApiTests(FakeClockApiApplication app) : IClassFixture<FakeClockApiApplication>, IDisposable
{
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(14);

    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private string Today => app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today in the test regions' calendar: facts count on the day of the case's region.</summary>
    private string RegionToday => TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(ApiApplication.SpareRegionTimeZone))
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A region with a technical-support technician, and a customer speaking <paramref name="language"/> there.</summary>
    private async Task<(string Region, string Technician, string Customer)> RegionAsync(string language = "zh-CN")
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("technical-support", region, capacity: 20);
        var customer = ApiDriver.Unique("C");
        using var created = await api.PostAsync("/api/customers", new
        {
            id = customer, name = "Wang Fang", phones = new[] { "+86 138 0013 8000" }, emails = new[] { "wang.fang@example.com" },
            region, tier = "gold", language,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (region, technician.Id, customer);
    }

    /// <summary>Opens, starts and resolves a fault case; returns the resolved case.</summary>
    private async Task<CaseResponse> ResolvedAsync(string customer)
    {
        var opened = await api.OpenCaseAsync(customer, "fault", null, null);
        using (var started = await api.PostAsync($"/api/cases/{opened.Number}/start", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }
        using var resolved = await api.PostAsync($"/api/cases/{opened.Number}/resolve", new { summary = "Replaced the seal." });
        return await ApiDriver.ReadAsync<CaseResponse>(resolved, HttpStatusCode.OK);
    }

    private async Task<SurveyPageResponse> PageAsync(string link)
    {
        using var response = await api.Client.GetAsync(link);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await ApiDriver.ReadAsync<SurveyPageResponse>(response, HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> AnswerAsync(string link, object body) => api.PostAsync(link, body);

    private async Task<SurveyResultsResponse> ResultsAsync(string query)
    {
        using var response = await api.Client.GetAsync($"/api/surveys/results?{query}");
        return await ApiDriver.ReadAsync<SurveyResultsResponse>(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task AResolvedCaseListsItsSurveyWhoseLinkShowsTheCustomerTheQuestionsInChinese()
    {
        var (_, technician, customer) = await RegionAsync("zh-CN");
        var resolved = await ResolvedAsync(customer);

        var survey = Assert.Single(resolved.Surveys);
        Assert.Equal((SurveyTrigger.Resolution, "resolution-1", technician, CaseSurveyState.Open, $"/api/surveys/{survey.Token}"),
            (survey.About, survey.Source, survey.TechnicianId, survey.State, survey.Link));
        var page = await PageAsync(survey.Link);

        Assert.Equal((resolved.Number, resolved.Subject, "Li Lei", "zh-CN", false, false),
            (page.CaseNumber, page.Subject, page.Technician, page.Language, page.Answered, page.Expired));
        Assert.Equal(resolved.ResolvedAt!.Value + DefaultExpiry, page.ExpiresAt);
        Assert.Equal(["您对本次服务的满意程度如何？", "您有多大可能向朋友或同事推荐我们？", "您还有什么想告诉我们的吗？"], page.Questions.Select(q => q.Text));
        Assert.Equal([("score", 1, 5), ("nps", 0, 10)], page.Questions.Take(2).Select(q => (q.Id, q.Min!.Value, q.Max)));
    }

    [Fact]
    public async Task AnEnglishSpeakingCustomerIsAskedInEnglish()
    {
        var (_, _, customer) = await RegionAsync("en");
        var resolved = await ResolvedAsync(customer);

        var page = await PageAsync(resolved.Surveys[0].Link);

        Assert.Equal("en", page.Language);
        Assert.Equal("How likely are you to recommend us to a friend or colleague?", page.Questions[1].Text);
    }

    [Fact]
    public async Task ASurveyTakesOneAnswerAndReplaysTheSameOne()
    {
        var (_, _, customer) = await RegionAsync();
        var link = (await ResolvedAsync(customer)).Surveys[0].Link;

        using var first = await AnswerAsync(link, new { score = 4, nps = 9, comment = "Quick and tidy." });
        var answered = await ApiDriver.ReadAsync<SurveyPageResponse>(first, HttpStatusCode.Created);
        using var again = await AnswerAsync(link, new { score = 4, nps = 9, comment = "Quick and tidy." });
        await ApiDriver.ReadAsync<SurveyPageResponse>(again, HttpStatusCode.Created);
        using var other = await AnswerAsync(link, new { score = 1, nps = 0 });

        Assert.Equal((true, 4, 9, "Quick and tidy."), (answered.Answered, answered.Response!.Score, answered.Response.Nps, answered.Response.Comment));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        await Problem.AssertAsync(other, HttpStatusCode.Conflict, "token");
        Assert.Equal(4, (await PageAsync(link)).Response!.Score);
    }

    [Fact]
    public async Task AnUnknownTokenAndAMalformedOneAreTheSame404()
    {
        using var unknown = await api.Client.GetAsync("/api/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var malformed = await api.Client.GetAsync("/api/surveys/not-a-token");
        using var answerUnknown = await AnswerAsync("/api/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new { score = 3, nps = 7 });
        using var answerMalformed = await AnswerAsync("/api/surveys/x", new { score = 3, nps = 7 });

        var bodies = new List<string>();
        foreach (var response in new[] { unknown, malformed, answerUnknown, answerMalformed })
        {
            var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound, "token");
            bodies.Add(problem.GetProperty("detail").GetString()!);
        }
        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task AnswersOutsideTheScalesOrTooLongAreRefusedFieldByFieldAndChangeNothing()
    {
        var (_, _, customer) = await RegionAsync();
        var link = (await ResolvedAsync(customer)).Surveys[0].Link;

        using var scales = await AnswerAsync(link, new { score = 0, nps = 11 });
        using var missing = await AnswerAsync(link, new { comment = "No scores." });
        using var longComment = await AnswerAsync(link, new { score = 3, nps = 7, comment = new string('x', 1001) });
        using var unknownMember = await AnswerAsync(link, new { score = 3, nps = 7, rating = 5 });

        var problem = await Problem.AssertAsync(scales, HttpStatusCode.BadRequest, "score");
        Assert.NotEmpty(Problem.Messages(problem, "nps"));
        await Problem.AssertAsync(missing, HttpStatusCode.BadRequest, "score");
        await Problem.AssertAsync(longComment, HttpStatusCode.BadRequest, "comment");
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
        Assert.False((await PageAsync(link)).Answered);
    }

    [Fact]
    public async Task AfterItsExpiryASurveyAnswers410AndShowsItExpired()
    {
        var (_, _, customer) = await RegionAsync();
        var resolved = await ResolvedAsync(customer);
        var link = resolved.Surveys[0].Link;

        app.Clock.Advance(DefaultExpiry);
        using var late = await AnswerAsync(link, new { score = 5, nps = 10 });

        var problem = await Problem.AssertAsync(late, HttpStatusCode.Gone, "token");
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await PageAsync(link)).Expired);
        using var read = await api.Client.GetAsync($"/api/cases/{resolved.Number}");
        Assert.Equal(CaseSurveyState.Expired, (await ApiDriver.ReadAsync<CaseResponse>(read, HttpStatusCode.OK)).Surveys[0].State);
    }

    [Fact]
    public async Task ResultsPerRegionDepartmentAndTechnicianCountIssuesAndResponsesExactly()
    {
        var (region, technician, customer) = await RegionAsync();
        var links = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            links.Add((await ResolvedAsync(customer)).Surveys[0].Link);
        }
        (await AnswerAsync(links[0], new { score = 5, nps = 10 })).Dispose();
        (await AnswerAsync(links[1], new { score = 4, nps = 8 })).Dispose();
        (await AnswerAsync(links[2], new { score = 1, nps = 3, comment = "Nobody came." })).Dispose();
        // A retry of the same answer is counted once.
        (await AnswerAsync(links[0], new { score = 5, nps = 10 })).Dispose();

        foreach (var query in new[] { $"region={region}", $"department=technical-support&region={region}", $"technician={technician}" })
        {
            var results = await ResultsAsync($"{query}&from={RegionToday}&to={RegionToday}");
            var t = results.Totals;
            Assert.Equal((4L, 3L, 0.75, 3.33, 66.67, 0.0, 1L, 1L, 1L),
                (t.Issued, t.Responses, t.ResponseRate, t.CsatAverage, t.CsatSatisfiedPercent, t.Nps, t.Promoters, t.Passives, t.Detractors));
            Assert.Equal([1L, 0, 0, 1, 1], t.CsatDistribution.Select(c => c.Count));
            var day = Assert.Single(results.Days);
            Assert.Equal((RegionToday, 3L), (day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Figures.Responses));
        }
        var outside = await ResultsAsync($"region={region}&from=2020-01-01&to=2020-12-31");
        Assert.Equal((0L, null, null), (outside.Totals.Issued, outside.Totals.CsatAverage, outside.Totals.Nps));
    }

    [Fact]
    public async Task TheDefaultPeriodIsTheThirtyDaysToToday()
    {
        var (region, _, _) = await RegionAsync();

        var results = await ResultsAsync($"region={region}");

        Assert.Equal(Today, results.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(29, results.To.DayNumber - results.From.DayNumber);
    }

    [Theory]
    [InlineData("", "region")]
    [InlineData("department=technical-support", "region")]
    [InlineData("technician=T-1&region=r01", "technician")]
    [InlineData("region=nowhere", "region")]
    [InlineData("department=sales&region=r01", "department")]
    [InlineData("region=r01&from=2026-13-01", "from")]
    [InlineData("region=r01&to=yesterday", "to")]
    [InlineData("region=r01&from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("region=r01&from=2025-01-01&to=2026-01-02", "to")]
    public async Task AResultsQueryThatNamesNoSingleAggregateOrNoValidPeriodIs400(string query, string field)
    {
        using var response = await api.Client.GetAsync($"/api/surveys/results?{query}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task TheSurveyIssuedEventNamesTheSurveyButNotItsToken()
    {
        var (_, _, customer) = await RegionAsync();
        var resolved = await ResolvedAsync(customer);

        var history = await api.GetHistoryAsync(resolved.Number);

        var issued = Assert.Single(history, e => e.Action == "surveyIssued");
        Assert.DoesNotContain(resolved.Surveys[0].Token, JsonSerializer.Serialize(history, ApiDriver.Json), StringComparison.Ordinal);
        Assert.StartsWith("resolution-1: survey ", issued.Details, StringComparison.Ordinal);
    }
}
