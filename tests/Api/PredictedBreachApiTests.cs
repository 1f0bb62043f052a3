using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Sla;
using AfterSales.Cases;
using AfterSales.Sla;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Predicted breach over HTTP on an app with a fake clock: a region that works around the clock, a technician
/// whose last three cases took 10 min to start and 30 min of work, and a queue behind a started case. The case's
/// <c>sla</c> block and the department's <c>atRisk</c> list show the case predicted to miss its first response.</summary>
public sealed class PredictedBreachApiTests(FakeClockApiApplication app) : IClassFixture<FakeClockApiApplication>, IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private async Task<CaseResponse> OpenUrgentAsync(string region)
    {
        var customer = await api.CreateCustomerAsync(region);
        using var response = await api.PostAsync("/api/cases", new
        {
            customerId = customer.Id,
            type = "fault",
            priority = "urgent",
            channel = "phone",
            subject = "Pressure drops",
            description = "The pump loses pressure after ten minutes.",
        });
        return await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
    }

    /// <summary>Reviews the department until the case is assigned (the technician's release reaches it one-way).</summary>
    private async Task AssignedAsync(string region, string number) =>
        await ApiDriver.EventuallyAsync(async () =>
        {
            using var review = await api.PostAsync($"/api/departments/technical-support/{region}/review", new { });
            return (await api.GetCaseAsync(number)).Case.Status == CaseStatus.Assigned;
        }, $"case {number} assigned");

    private async Task StartAsync(string number)
    {
        using var started = await api.PostAsync($"/api/cases/{number}/start", new { }, ("X-Actor", "tech-1"));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
    }

    [Fact]
    public async Task TheSlaBlockAndTheDepartmentViewShowACasePredictedToMissItsFirstResponse()
    {
        var region = app.NewRegion();
        using var calendar = await api.PutAsync($"/api/calendars/{region}", new
        {
            timeZone = "UTC",
            week = new[] { new { days = Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant()).ToArray(), from = "00:00", to = "24:00" } },
            holidays = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        await api.CreateTechnicianAsync("technical-support", region, capacity: 2);
        for (var i = 0; i < 3; i++)
        {
            var done = await OpenUrgentAsync(region);
            await AssignedAsync(region, done.Number);
            app.Clock.Advance(TimeSpan.FromMinutes(10));
            await StartAsync(done.Number);
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            using var resolved = await api.PostAsync($"/api/cases/{done.Number}/resolve", new { summary = "Replaced the seal." }, ("X-Actor", "tech-1"));
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }
        var busy = await OpenUrgentAsync(region);
        await AssignedAsync(region, busy.Number);
        await StartAsync(busy.Number);
        var now = app.Clock.GetUtcNow();
        var first = await OpenUrgentAsync(region);
        var second = await OpenUrgentAsync(region);

        CaseResponse read = second;
        await ApiDriver.EventuallyAsync(async () =>
        {
            using var review = await api.PostAsync($"/api/departments/technical-support/{region}/review", new { });
            read = (await api.GetCaseAsync(second.Number)).Case;
            return read.Sla!.AtRisk;
        }, "the second case flagged at risk");
        var ahead = (await api.GetCaseAsync(first.Number)).Case;
        var department = await api.GetDepartmentAsync("technical-support", region);
        var history = await api.GetHistoryAsync(second.Number);

        Assert.Equal(SlaState.AtRisk, read.Sla!.State);
        Assert.Equal(new SlaForecastResponse(SlaDueTarget.FirstResponse, now.AddMinutes(80), now.AddHours(1)), read.Sla.Forecast);
        Assert.Equal((SlaState.Ok, false, null), (ahead.Sla!.State, ahead.Sla.AtRisk, ahead.Sla.Forecast));
        Assert.Equal(1, department.AtRisk.Count);
        Assert.Equal([second.Number], department.AtRisk.CaseNumbers);
        Assert.Null(Assert.Single(department.AtRisk.Cases).TechnicianId);
        Assert.Contains(history, e => e.Action == CaseEventKinds.SlaAtRisk);
    }
}
