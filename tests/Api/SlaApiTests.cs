using System.Net;
using System.Text;
using AfterSales.Api.Sla;
using AfterSales.Sla;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>/api/calendars/{region}</c>, <c>/api/sla/policy</c> and the <c>sla</c> block of a case: versioned by
/// ETag, refused with field-level problems, and counted in the case's region calendar.</summary>
/// <remarks>The policy is shared by every test: tests here put it back as they found it.</remarks>
[Collection(ApiCollection.Name)]
public sealed class SlaApiTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private static object Calendar(string timeZone = "UTC", object[]? week = null, object[]? holidays = null) => new
    {
        timeZone,
        week = week ?? [new { days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }, from = "00:00", to = "24:00" }],
        holidays = holidays ?? [],
    };

    private static string Ics(string events) => "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";

    private Task<HttpResponseMessage> ImportAsync(string region, string body, string mediaType = "text/calendar", params (string, string)[] headers) =>
        api.SendAsync(HttpMethod.Put, $"/api/calendars/{region}/holidays", new StringContent(body, Encoding.UTF8, mediaType), headers);

    [Fact]
    public async Task ARegionWithoutACalendarAnswersTheDefaultInItsZoneAsVersionZero()
    {
        var region = app.NewRegion();

        using var response = await api.Client.GetAsync($"/api/calendars/{region}");
        var calendar = await ApiDriver.ReadAsync<BusinessCalendarResponse>(response, HttpStatusCode.OK);

        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        Assert.Equal((region, ApiApplication.SpareRegionTimeZone, true, 0), (calendar.Region, calendar.TimeZone, calendar.IsDefault, calendar.Version));
        var week = Assert.Single(calendar.Week);
        Assert.Equal(("09:00", "17:00", 5), (week.From, week.To, week.Days.Count));
        Assert.Empty(calendar.Holidays);
    }

    [Fact]
    public async Task ReplacingACalendarBumpsItsETagAndAStaleIfMatchIs412()
    {
        var region = app.NewRegion();
        var week = new object[]
        {
            new { days = new[] { "monday", "friday" }, from = "08:30", to = "12:00" },
            new { days = new[] { "monday" }, from = "13:00", to = "17:30" },
        };
        var holidays = new object[] { new { date = "2026-12-24", name = "Christmas Eve", hours = new[] { new { from = "09:00", to = "12:00" } } } };

        using var replaced = await api.PutAsync($"/api/calendars/{region}", Calendar("Europe/Berlin", week, holidays), ("If-Match", "\"0\""));
        using var stale = await api.PutAsync($"/api/calendars/{region}", Calendar(), ("If-Match", "\"0\""));
        using var notModified = await api.SendAsync(HttpMethod.Get, $"/api/calendars/{region}", null, ("If-None-Match", "\"1\""));

        var calendar = await ApiDriver.ReadAsync<BusinessCalendarResponse>(replaced, HttpStatusCode.OK);
        Assert.Equal(("\"1\"", "Europe/Berlin", false), (replaced.Headers.ETag?.Tag, calendar.TimeZone, calendar.IsDefault));
        Assert.Equal(["08:30-12:00", "13:00-17:30"], calendar.Week.Select(w => $"{w.From}-{w.To}"));
        Assert.Equal(new WorkingHoursResponse("09:00", "12:00"), Assert.Single(Assert.Single(calendar.Holidays).Hours));
        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    private const string ApiProblemsBody = "$";

    [Theory]
    [InlineData("overlap", "week[1]")]
    [InlineData("zone", "timeZone")]
    [InlineData("time", "week[0].to")]
    [InlineData("backwards", "week[0].to")]
    [InlineData("twice", "holidays[1].date")]
    public async Task ABadCalendarIs400AtItsField(string mistake, string field)
    {
        var region = app.NewRegion();
        object body = mistake switch
        {
            "overlap" => Calendar(week: [new { days = new[] { "monday" }, from = "09:00", to = "13:00" }, new { days = new[] { "tuesday", "monday" }, from = "12:00", to = "17:00" }]),
            "zone" => Calendar("Mars/Olympus_Mons"),
            "time" => Calendar(week: [new { days = new[] { "monday" }, from = "09:00", to = "25:00" }]),
            "backwards" => Calendar(week: [new { days = new[] { "monday" }, from = "17:00", to = "09:00" }]),
            _ => Calendar(holidays: [new { date = "2026-12-25", name = "Christmas" }, new { date = "2026-12-25", name = "Again" }]),
        };

        using var response = await api.PutAsync($"/api/calendars/{region}", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        using var unchanged = await api.Client.GetAsync($"/api/calendars/{region}");
        Assert.Equal("\"0\"", unchanged.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnUnknownRegionIs404()
    {
        using var get = await api.Client.GetAsync("/api/calendars/atlantis");
        using var put = await api.PutAsync("/api/calendars/atlantis", Calendar());

        await Problem.AssertAsync(get, HttpStatusCode.NotFound, "region");
        await Problem.AssertAsync(put, HttpStatusCode.NotFound, "region");
    }

    [Fact]
    public async Task AnICalendarImportReplacesTheHolidaysWithYearlyOnesExpanded()
    {
        var region = app.NewRegion();
        var ics = Ics("BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Christmas Day\r\nDTSTART;VALUE=DATE:20001225\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:National Day\r\nDTSTART;VALUE=DATE:20261001\r\nDTEND;VALUE=DATE:20261003\r\nEND:VEVENT\r\n");

        using var response = await ImportAsync(region, ics);

        var calendar = await ApiDriver.ReadAsync<BusinessCalendarResponse>(response, HttpStatusCode.OK);
        var year = DateTime.UtcNow.Year;
        Assert.Equal(ApiApplication.SpareRegionTimeZone, calendar.TimeZone);
        Assert.Equal(7, calendar.Holidays.Count(h => h.Name == "Christmas Day"));
        Assert.Contains(calendar.Holidays, h => h.Date == new DateOnly(year + 5, 12, 25));
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)], calendar.Holidays.Where(h => h.Name == "National Day").Select(h => h.Date));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnICalendarImportThatCannotBeUsedIsRefusedAndChangesNothing()
    {
        var region = app.NewRegion();
        var timed = Ics("BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Team lunch\r\nDTSTART:20260105T120000Z\r\nDTEND:20260105T130000Z\r\nEND:VEVENT\r\n");

        using var garbage = await ImportAsync(region, "BEGIN:VCALENDAR\r\nnot a calendar at all");
        using var timedEvent = await ImportAsync(region, timed);
        using var json = await ImportAsync(region, "{}", "application/json");

        await Problem.AssertAsync(garbage, HttpStatusCode.BadRequest, ApiProblemsBody);
        var problem = await Problem.AssertAsync(timedEvent, HttpStatusCode.UnprocessableEntity, ApiProblemsBody);
        Assert.Contains("'Team lunch' is not an all-day event", Problem.Messages(problem, ApiProblemsBody)[0]);
        await Problem.AssertAsync(json, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        using var unchanged = await api.Client.GetAsync($"/api/calendars/{region}");
        Assert.Equal("\"0\"", unchanged.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task ThePolicyIsReplacedAsOneVersionedDocument()
    {
        using var read = await api.Client.GetAsync("/api/sla/policy");
        var original = await ApiDriver.ReadAsync<SlaPolicyResponse>(read, HttpStatusCode.OK);
        var etag = read.Headers.ETag!.Tag;
        var rules = original.Rules.Select(Body).Append(new
        {
            id = "test-platinum-premium",
            priority = (string?)"urgent",
            customerTier = (string?)"platinum",
            contractTier = (string?)"premium",
            firstResponse = new { duration = "00:15:00", clock = "calendar" },
            nextUpdate = new { duration = "01:00:00", clock = "calendar" },
            resolution = new { duration = "04:00:00", clock = "business" },
            warningPercent = (int?)80,
        });
        try
        {
            using var replaced = await api.PutAsync("/api/sla/policy", new { warningPercent = 70, rules }, ("If-Match", etag));
            using var stale = await api.PutAsync("/api/sla/policy", new { warningPercent = 70, rules }, ("If-Match", etag));

            var policy = await ApiDriver.ReadAsync<SlaPolicyResponse>(replaced, HttpStatusCode.OK);
            Assert.Equal((original.Version + 1, 70), (policy.Version, policy.WarningPercent));
            Assert.Equal($"\"{policy.Version}\"", replaced.Headers.ETag?.Tag);
            var added = policy.Rules.Single(r => r.Id == "test-platinum-premium");
            Assert.Equal(new SlaTarget(TimeSpan.FromMinutes(15), SlaClockMode.Calendar), added.FirstResponse);
            await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        }
        finally
        {
            using var restored = await api.PutAsync("/api/sla/policy", new { original.WarningPercent, rules = original.Rules.Select(Body) });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }

    [Theory]
    [InlineData("duplicate", "rules[1]")]
    [InlineData("zero", "rules[0].resolution.duration")]
    [InlineData("negative", "rules[0].resolution.duration")]
    [InlineData("unknownPriority", "rules[0].priority")]
    [InlineData("missingTarget", "rules[0].nextUpdate")]
    [InlineData("warning", "warningPercent")]
    public async Task ABadPolicyIs400AtItsField(string mistake, string field)
    {
        object Rule(string id, string priority = "urgent", string resolution = "08:00:00", bool nextUpdate = true) => nextUpdate
            ? new { id, priority, firstResponse = new { duration = "01:00:00", clock = "business" }, nextUpdate = new { duration = "04:00:00", clock = "business" }, resolution = new { duration = resolution, clock = "business" } }
            : new { id, priority, firstResponse = new { duration = "01:00:00", clock = "business" }, resolution = new { duration = resolution, clock = "business" } };
        var (warning, rules) = mistake switch
        {
            "duplicate" => (75, new[] { Rule("a"), Rule("b") }),
            "zero" => (75, new[] { Rule("a", resolution: "00:00:00") }),
            "negative" => (75, new[] { Rule("a", resolution: "-01:00:00") }),
            "unknownPriority" => (75, new[] { Rule("a", priority: "critical") }),
            "missingTarget" => (75, new[] { Rule("a", nextUpdate: false) }),
            _ => (100, new[] { Rule("a") }),
        };
        using var before = await api.Client.GetAsync("/api/sla/policy");

        using var response = await api.PutAsync("/api/sla/policy", new { warningPercent = warning, rules });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        using var after = await api.Client.GetAsync("/api/sla/policy");
        Assert.Equal(before.Headers.ETag?.Tag, after.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task ACaseShowsItsSlaCountedInItsRegionsCalendar()
    {
        var region = app.NewRegion();
        using (var calendar = await api.PutAsync($"/api/calendars/{region}", Calendar()))
        {
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        }
        var customer = await api.CreateCustomerAsync(region);

        var opened = await api.OpenCaseAsync(customer.Id);
        var (read, _) = await api.GetCaseAsync(opened.Number);

        foreach (var sla in new[] { opened.Sla!, read.Sla! })
        {
            Assert.Equal(("high", region, SlaState.Ok, false), (sla.RuleId, sla.CalendarRegion, sla.State, sla.Paused));
            Assert.Equal(opened.CreatedAt.AddHours(4), sla.FirstResponse.DueAt);
            Assert.Equal(opened.CreatedAt.AddHours(24), sla.Resolution.DueAt);
            Assert.Equal(opened.CreatedAt.AddHours(3), sla.FirstResponse.WarningAt);
            Assert.Null(sla.NextUpdate.DueAt);
            Assert.Null(sla.Resolution.Met);
        }
        Assert.True(read.Sla!.ElapsedBusinessTime >= opened.Sla!.ElapsedBusinessTime);
    }

    private static object Body(SlaRuleResponse rule) => new
    {
        id = rule.Id,
        priority = rule.Priority is { } p ? ApiJsonName(p) : null,
        customerTier = rule.CustomerTier is { } c ? ApiJsonName(c) : null,
        contractTier = rule.ContractTier is { } t ? ApiJsonName(t) : null,
        caseType = rule.CaseType is { } type ? ApiJsonName(type) : null,
        department = rule.Department is { } d ? ApiJsonName(d) : null,
        firstResponse = Target(rule.FirstResponse),
        nextUpdate = Target(rule.NextUpdate),
        resolution = Target(rule.Resolution),
        warningPercent = rule.WarningPercent,
    };

    private static object Target(SlaTarget target) => new { duration = target.Duration.ToString("c"), clock = ApiJsonName(target.Clock) };

    private static string ApiJsonName<TEnum>(TEnum value) where TEnum : struct, Enum => AfterSales.Api.Hosting.ApiJson.Name(value);
}
