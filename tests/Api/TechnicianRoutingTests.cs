using System.Net;
using AfterSales.Api.Technicians;
using AfterSales.Cases;
using AfterSales.Technicians;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Presence, skills and capacity, and weekly shift patterns of technicians, each guarded by the
/// technician's ETag, and their effect on routing.</summary>
[Collection(ApiCollection.Name)]
public sealed class TechnicianRoutingTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ReadingATechnicianReturnsItsVersionAsETagAndIfNoneMatchAnswers304()
    {
        var created = await api.CreateTechnicianAsync("maintenance", "south", onShift: false);

        var (technician, etag) = await api.GetTechnicianAsync(created.Id);
        using var notModified = await api.SendAsync(HttpMethod.Get, $"/api/technicians/{created.Id}", null, ("If-None-Match", etag.Tag));

        Assert.Equal($"\"{technician.Version}\"", etag.Tag);
        Assert.Equal(Presence.OffShift, technician.Presence);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task GoingOffShiftReturnsTheCasesNotStartedToTheQueueAndKeepsTheStartedOnes()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 4);
        var started = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        var notStarted = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        Assert.Equal(technician.Id, notStarted.AssignedTechnicianId);
        using (var start = await api.SendAsync(HttpMethod.Post, $"/api/cases/{started.Number}/start", null))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }
        var (_, etag) = await api.GetTechnicianAsync(technician.Id);

        using var response = await api.PutAsync($"/api/technicians/{technician.Id}/presence", new { presence = "offShift" }, ("If-Match", etag.Tag));

        var off = await ApiDriver.ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK);
        Assert.Equal(Presence.OffShift, off.Presence);
        Assert.False(off.OnShift);
        Assert.Equal([started.Number], off.Assignments.Select(a => a.CaseNumber));
        Assert.Equal($"\"{off.Version}\"", response.Headers.ETag?.Tag);
        await ApiDriver.EventuallyAsync(async () => (await api.GetCaseAsync(notStarted.Number)).Case.Status == CaseStatus.New,
            "the case not started goes back to new");
        await ApiDriver.EventuallyAsync(async () => (await api.GetDepartmentAsync("customer-service", region)).Queue.Any(q => q.CaseNumber == notStarted.Number),
            "the case waits in the department's queue");
        Assert.Contains(await api.GetHistoryAsync(notStarted.Number), e => e.Action == "returned");
        Assert.Equal(CaseStatus.InProgress, (await api.GetCaseAsync(started.Number)).Case.Status);
        var roster = (await api.GetDepartmentAsync("customer-service", region)).Roster;
        Assert.Equal(Presence.OffShift, Assert.Single(roster).Presence);
    }

    [Fact]
    public async Task AnAwayTechnicianKeepsItsCasesButTakesNoNewOnes()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 4);
        var kept = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);

        using var response = await api.PutAsync($"/api/technicians/{technician.Id}/presence", new { presence = "away" });
        var away = await ApiDriver.ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK);
        await ApiDriver.EventuallyAsync(async () => (await api.GetDepartmentAsync("customer-service", region)).Roster.Single().Presence == Presence.Away,
            "the department sees the technician away");
        var next = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);

        Assert.Equal(Presence.Away, away.Presence);
        Assert.True(away.OnShift);
        Assert.Equal([kept.Number], away.Assignments.Select(a => a.CaseNumber));
        Assert.Equal(CaseStatus.New, next.Status);
        Assert.Contains((await api.GetRoutingAsync(next.Number)).Decisions[^1].Candidates,
            c => c.TechnicianId == technician.Id && !c.Eligible && c.Note.Contains("away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RaisingCapacityPullsAWaitingCaseAndNewSkillsReplaceTheOldOnes()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 1);
        await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        Assert.Equal(CaseStatus.New, waiting.Status);
        var (_, etag) = await api.GetTechnicianAsync(technician.Id);

        using var response = await api.PatchAsync($"/api/technicians/{technician.Id}",
            new { capacity = 2, skills = new[] { new { name = "mandarin", level = 5 } } }, ("If-Match", etag.Tag));

        var patched = await ApiDriver.ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK);
        Assert.Equal(2, patched.Capacity);
        Assert.Equal([new TechnicianSkill("mandarin", 5)], patched.Skills);
        Assert.Equal($"\"{patched.Version}\"", response.Headers.ETag?.Tag);
        await ApiDriver.EventuallyAsync(async () => (await api.GetCaseAsync(waiting.Number)).Case.AssignedTechnicianId == technician.Id,
            "the waiting case goes to the technician with room for it");
    }

    [Fact]
    public async Task GainingARequiredSkillPullsTheCaseThatWaitedForIt()
    {
        var region = app.NewRegion();
        var model = ApiDriver.Unique("PX-9");
        var ruleId = ApiDriver.Unique("px-electrics");
        await api.PutRuleAsync(ruleId, new { deviceModel = model, required = new[] { new { name = "electrics", minLevel = 4 } } });
        var technician = await api.CreateTechnicianAsync("maintenance", region, [("electrics", 2)], capacity: 6);
        var customer = await api.CreateCustomerAsync(region);
        var device = await api.CreateDeviceAsync(customer.Id, model);
        var waiting = await api.OpenCaseAsync(customer.Id, "maintenance", device.Serial, null);
        Assert.Equal(CaseStatus.New, waiting.Status);

        using var response = await api.PatchAsync($"/api/technicians/{technician.Id}", new { skills = new[] { new { name = "electrics", level = 4 } } });

        Assert.Equal(6, (await ApiDriver.ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK)).Capacity);
        await ApiDriver.EventuallyAsync(async () => (await api.GetCaseAsync(waiting.Number)).Case.AssignedTechnicianId == technician.Id,
            "the waiting case goes to the technician who now has the skill");
        using var removed = await api.DeleteAsync($"/api/routing/rules/{ruleId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
    }

    [Fact]
    public async Task CapacityBelowTheUnitsInUseIs409OnCapacity()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("maintenance", region, [("mounting", 3)], capacity: 5);
        await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "maintenance", null, null);

        using var response = await api.PatchAsync($"/api/technicians/{technician.Id}", new { capacity = 2 });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "capacity");
        Assert.Equal(5, (await api.GetTechnicianAsync(technician.Id)).Technician.Capacity);
    }

    [Fact]
    public async Task AChangeWithAStaleETagIs412AndChangesNothing()
    {
        var technician = await api.CreateTechnicianAsync("maintenance", "south", onShift: false, capacity: 3);
        var (_, stale) = await api.GetTechnicianAsync(technician.Id);
        using (var onShift = await api.PutAsync($"/api/technicians/{technician.Id}/presence", new { presence = "onShift" }))
        {
            Assert.Equal(HttpStatusCode.OK, onShift.StatusCode);
        }

        using var patch = await api.PatchAsync($"/api/technicians/{technician.Id}", new { capacity = 9 }, ("If-Match", stale.Tag));
        using var presence = await api.PutAsync($"/api/technicians/{technician.Id}/presence", new { presence = "away" }, ("If-Match", stale.Tag));
        using var pattern = await api.PutAsync($"/api/technicians/{technician.Id}/shift-pattern", new { windows = Array.Empty<object>() }, ("If-Match", stale.Tag));

        await Problem.AssertAsync(patch, HttpStatusCode.PreconditionFailed, "If-Match");
        await Problem.AssertAsync(presence, HttpStatusCode.PreconditionFailed, "If-Match");
        await Problem.AssertAsync(pattern, HttpStatusCode.PreconditionFailed, "If-Match");
        var (after, _) = await api.GetTechnicianAsync(technician.Id);
        Assert.Equal(3, after.Capacity);
        Assert.Equal(Presence.OnShift, after.Presence);
    }

    [Fact]
    public async Task AShiftPatternInTheRegionsTimeZoneDecidesPresence()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("maintenance", region, [("boiler", 3)], onShift: false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ApiApplication.SpareRegionTimeZone);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var everyDay = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        // Whole minutes, two hours either side of now: the window holds now whatever the day (it may run past midnight).
        var start = local.AddHours(-2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = local.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        using var onResponse = await api.PutAsync($"/api/technicians/{technician.Id}/shift-pattern",
            new { windows = new[] { new { days = everyDay, start, end } } });
        var on = await ApiDriver.ReadAsync<TechnicianResponse>(onResponse, HttpStatusCode.OK);

        Assert.Equal(Presence.OnShift, on.Presence);
        Assert.Equal(ApiApplication.SpareRegionTimeZone, on.TimeZone);
        var window = Assert.Single(on.ShiftPattern);
        Assert.Equal(7, window.Days.Count);
        Assert.Equal((start, end), (window.Start, window.End));
        await ApiDriver.EventuallyAsync(async () => (await api.GetDepartmentAsync("maintenance", region)).Roster.Single().Presence == Presence.OnShift,
            "the department sees the technician on shift");

        var later = local.AddHours(3).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var laterEnd = local.AddHours(4).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using var offResponse = await api.PutAsync($"/api/technicians/{technician.Id}/shift-pattern",
            new { windows = new[] { new { days = everyDay, start = later, end = laterEnd } } }, ("If-Match", onResponse.Headers.ETag!.Tag));
        Assert.Equal(Presence.OffShift, (await ApiDriver.ReadAsync<TechnicianResponse>(offResponse, HttpStatusCode.OK)).Presence);

        using var clearResponse = await api.PutAsync($"/api/technicians/{technician.Id}/shift-pattern", new { windows = Array.Empty<object>() });
        Assert.Empty((await ApiDriver.ReadAsync<TechnicianResponse>(clearResponse, HttpStatusCode.OK)).ShiftPattern);
    }

    [Fact]
    public async Task WithAShiftPatternAPresenceSetByHandHoldsUntilThePatternsNextBoundary()
    {
        var technician = await api.CreateTechnicianAsync("maintenance", app.NewRegion(), [("boiler", 3)], onShift: false);
        using (var pattern = await api.PutAsync($"/api/technicians/{technician.Id}/shift-pattern",
            new { windows = new[] { new { days = new[] { "monday" }, start = "08:00", end = "16:00" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, pattern.StatusCode);
        }

        using var response = await api.PutAsync($"/api/technicians/{technician.Id}/presence", new { presence = "away" });

        var held = await ApiDriver.ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK);
        Assert.Equal(Presence.Away, held.Presence);
        Assert.NotNull(held.PresenceHeldUntil);
        Assert.True(held.PresenceHeldUntil > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task TheOldShiftEndpointStillPutsATechnicianOnShiftAndAnswersTheNewETag()
    {
        var technician = await api.CreateTechnicianAsync("maintenance", "south", onShift: false);

        using var response = await api.PostAsync($"/api/technicians/{technician.Id}/shift", new { onShift = true });

        var on = await ApiDriver.ReadAsync<TechnicianResponse>(response, HttpStatusCode.OK);
        Assert.Equal(Presence.OnShift, on.Presence);
        Assert.Equal($"\"{on.Version}\"", response.Headers.ETag?.Tag);
    }

    public static TheoryData<string, string, string, string> BadBodies => new()
    {
        { "PATCH", "", "{}", "$" },
        { "PATCH", "", """{"capacity":null,"skills":null}""", "$" },
        { "PATCH", "", """{"capacity":0}""", "capacity" },
        { "PATCH", "", """{"capacity":1001}""", "capacity" },
        { "PATCH", "", """{"capacity":99999999999}""", "capacity" },
        { "PATCH", "", """{"skills":[{"name":"a","level":6}]}""", "skills[0].level" },
        { "PATCH", "", """{"skills":[{"name":"a","level":2},{"name":"A","level":3}]}""", "skills[1].name" },
        { "PATCH", "", """{"skills":[null]}""", "skills[0]" },
        { "PATCH", "", """{"onShift":true}""", "onShift" },
        { "PUT", "/presence", "{}", "presence" },
        { "PUT", "/presence", """{"presence":"lunch"}""", "presence" },
        { "PUT", "/presence", """{"presence":2}""", "presence" },
        { "PUT", "/shift-pattern", "{}", "windows" },
        { "PUT", "/shift-pattern", """{"windows":[null]}""", "windows[0]" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":[],"start":"08:00","end":"16:00"}]}""", "windows[0].days" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":["monday","monday"],"start":"08:00","end":"16:00"}]}""", "windows[0].days" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":["funday"],"start":"08:00","end":"16:00"}]}""", "windows[0].days[0]" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":[1],"start":"08:00","end":"16:00"}]}""", "windows[0].days[0]" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":["monday"],"start":"25:00","end":"16:00"}]}""", "windows[0].start" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":["monday"],"start":"08:00:30","end":"16:00"}]}""", "windows[0].start" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":["monday"],"start":"08:00"}]}""", "windows[0].end" },
        { "PUT", "/shift-pattern", """{"windows":[{"days":["monday"],"start":"08:00","end":"08:00"}]}""", "windows[0].end" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ABadBodyIs400OnTheFieldAndChangesNothing(string method, string path, string body, string field)
    {
        var technician = await api.CreateTechnicianAsync("maintenance", "south", onShift: false, capacity: 3);

        using var response = await api.SendAsync(new HttpMethod(method), $"/api/technicians/{technician.Id}{path}", ApiDriver.JsonBody(body));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(technician.Version, (await api.GetTechnicianAsync(technician.Id)).Technician.Version);
    }

    [Theory]
    [InlineData("PATCH", "", """{"capacity":2}""")]
    [InlineData("PUT", "/presence", """{"presence":"away"}""")]
    [InlineData("PUT", "/shift-pattern", """{"windows":[]}""")]
    public async Task AChangeOfAnUnknownTechnicianIs404AndOfAMalformedId400(string method, string path, string body)
    {
        using var unknown = await api.SendAsync(new HttpMethod(method), $"/api/technicians/T-nobody{path}", ApiDriver.JsonBody(body));
        using var malformed = await api.SendAsync(new HttpMethod(method), $"/api/technicians/bad%20id{path}", ApiDriver.JsonBody(body));

        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "id");
        await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest, "id");
    }
}
