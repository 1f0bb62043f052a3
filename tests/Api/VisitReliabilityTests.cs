using System.Globalization;
using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Reliability;
using AfterSales.Api.Visits;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Visits recorded on a fault case over HTTP, and the reliability figures of its device and model.</summary>
[Collection(ApiCollection.Name)]
public sealed class VisitReliabilityTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fault case about a device of a new model, in service for ten days, started by its technician.</summary>
    private async Task<(FaultDriver Faults, string Serial, string Number)> StartedFaultAsync()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var serial = faults.Serial(1);
        using (var registered = await api.PostAsync("/api/devices",
            new { serial, model = faults.Model, customerId = faults.CustomerId, installedOn = Day(DateTimeOffset.UtcNow.AddDays(-10)) }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }
        using var opened = await api.PostAsync("/api/cases", faults.FaultBody(serial, "E42"));
        var number = (await ApiDriver.ReadAsync<CaseResponse>(opened, HttpStatusCode.Created)).Number;
        await faults.ActAsync(number, "start");
        return (faults, serial, number);
    }

    private async Task<VisitResponse> VisitAsync(string number, object body, params (string Name, string Value)[] headers)
    {
        using var response = await api.PostAsync($"/api/cases/{number}/visits", body, headers);
        Assert.Equal($"/api/cases/{number}/visits/", response.Headers.Location?.OriginalString[..^1]);
        return await ApiDriver.ReadAsync<VisitResponse>(response, HttpStatusCode.Created);
    }

    private async Task<ReliabilityResponse> ReliabilityAsync(string path) =>
        await ApiDriver.ReadAsync<ReliabilityResponse>(await api.Client.GetAsync(path), HttpStatusCode.OK);

    [Fact]
    public async Task AFaultFixedOnTheSecondVisitGivesItsDeviceAndModelARepairAndNoFirstTimeFix()
    {
        var (faults, serial, number) = await StartedFaultAsync();
        var left = DateTimeOffset.UtcNow.AddMinutes(-30);

        var followUp = await VisitAsync(number, new
        {
            workDone = "Pump seal worn; fitted a temporary seal.",
            parts = new[] { new { partNumber = "PS-40-SEAL", quantity = 1 } },
            startedAt = left.AddMinutes(-75),
            endedAt = left,
            outcome = "followUpNeeded",
        }, ("X-Actor", "tech.wu"));
        var fixedVisit = await VisitAsync(number, new { workDone = "Replaced the pump.", minutesOnSite = 45, outcome = "fixed" });
        var resolved = await faults.ActAsync(number, "resolve", new { summary = "Pump replaced.", solutionId = "E42-1" });
        var device = await ReliabilityAsync($"/api/devices/{serial}/reliability");
        var model = await ReliabilityAsync($"/api/models/{faults.Model}/reliability");

        Assert.Equal((1, VisitOutcome.FollowUpNeeded, 75, faults.TechnicianId, "tech.wu"),
            (followUp.Id, followUp.Outcome, followUp.MinutesOnSite, followUp.TechnicianId, followUp.RecordedBy));
        Assert.Equal(("PS-40-SEAL", 1), (Assert.Single(followUp.Parts).PartNumber, followUp.Parts[0].Quantity));
        Assert.Equal((2, VisitOutcome.Fixed, 45), (fixedVisit.Id, fixedVisit.Outcome, fixedVisit.MinutesOnSite));
        Assert.Equal([1, 2], resolved.Visits.Select(v => v.Id));
        foreach (var figures in new[] { device, model })
        {
            Assert.Equal((1L, 1L, 1L, 1L, 0L, 0.0, 2L, 1L, 120.0),
                (figures.Devices, figures.Failures, figures.Repairs, figures.CasesVisited, figures.FirstTimeFixes,
                    figures.FirstTimeFixRate, figures.Visits, figures.FollowUps, figures.MeanMinutesOnSite));
            Assert.InRange(figures.OperatingHours, 240, 264);
            Assert.Equal(figures.OperatingHours, figures.MtbfHours);
            Assert.NotNull(figures.MttrHours);
        }
        var listed = await ApiDriver.ReadAsync<VisitResponse[]>(await api.Client.GetAsync($"/api/cases/{number}/visits"), HttpStatusCode.OK);
        Assert.Equal([VisitOutcome.FollowUpNeeded, VisitOutcome.Fixed], listed.Select(v => v.Outcome));
        Assert.Contains(await api.GetHistoryAsync(number),
            e => e.Action == "visitRecorded" && e.Details == $"visit 1 by {faults.TechnicianId}: followUpNeeded, 75 min on site, 1 part");
    }

    [Fact]
    public async Task ARetryWithTheSameKeyAnswersTheSameVisitAndAnotherBodyIs422()
    {
        var (_, _, number) = await StartedFaultAsync();
        var body = new { workDone = "Replaced the pump.", minutesOnSite = 45, outcome = "fixed" };

        var first = await VisitAsync(number, body, ("Idempotency-Key", "visit-1"));
        using var replay = await api.PostAsync($"/api/cases/{number}/visits", body, ("Idempotency-Key", "visit-1"));
        using var other = await api.PostAsync($"/api/cases/{number}/visits", body with { minutesOnSite = 50 }, ("Idempotency-Key", "visit-1"));

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Id, (await ApiDriver.ReadAsync<VisitResponse>(replay, HttpStatusCode.Created)).Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Single((await api.GetCaseAsync(number)).Case.Visits);
    }

    [Theory]
    [InlineData("""{ "minutesOnSite": 45, "outcome": "fixed" }""", "workDone")]
    [InlineData("""{ "workDone": "x", "minutesOnSite": 45 }""", "outcome")]
    [InlineData("""{ "workDone": "x", "outcome": "fixed" }""", "minutesOnSite")]
    [InlineData("""{ "workDone": "x", "minutesOnSite": 0, "outcome": "fixed" }""", "minutesOnSite")]
    [InlineData("""{ "workDone": "x", "minutesOnSite": 45, "startedAt": "2026-05-12T09:00:00Z", "outcome": "fixed" }""", "minutesOnSite")]
    [InlineData("""{ "workDone": "x", "startedAt": "2026-05-12T09:00:00Z", "outcome": "fixed" }""", "endedAt")]
    [InlineData("""{ "workDone": "x", "startedAt": "2026-05-12T09:00:00Z", "endedAt": "2026-05-12T08:00:00Z", "outcome": "fixed" }""", "endedAt")]
    [InlineData("""{ "workDone": "x", "minutesOnSite": 45, "outcome": "fixed", "parts": [ { "partNumber": "PS-40", "quantity": 0 } ] }""", "parts[0].quantity")]
    [InlineData("""{ "workDone": "x", "minutesOnSite": 45, "outcome": "fixed", "parts": [ { "partNumber": "bad part", "quantity": 1 } ] }""", "parts[0].partNumber")]
    public async Task ABadVisitIsA400NamingTheFieldAndNothingIsStored(string json, string field)
    {
        var (_, _, number) = await StartedFaultAsync();

        using var response = await api.PostRawAsync($"/api/cases/{number}/visits", json);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Empty((await api.GetCaseAsync(number)).Case.Visits);
    }

    [Fact]
    public async Task AConsultationTakesNoVisitAClosedCaseNoneAndAnUnknownCaseIsNotFound()
    {
        var (faults, _, number) = await StartedFaultAsync();
        var consultation = await api.OpenCaseAsync(faults.CustomerId, "consultation", null, null);
        await faults.ActAsync(number, "resolve", new { summary = "Pump replaced." });
        await faults.ActAsync(number, "close");
        var body = new { workDone = "Replaced the pump.", minutesOnSite = 45, outcome = "fixed" };

        using var wrongType = await api.PostAsync($"/api/cases/{consultation.Number}/visits", body);
        using var closed = await api.PostAsync($"/api/cases/{number}/visits", body);
        using var unknown = await api.PostAsync("/api/cases/AS-1999-999999/visits", body);
        using var unknownDevice = await api.Client.GetAsync($"/api/devices/{ApiDriver.Unique("SN")[..20]}/reliability");
        using var unknownModel = await api.Client.GetAsync($"/api/models/{ApiDriver.Unique("M")[..20]}/reliability");

        await Problem.AssertAsync(wrongType, HttpStatusCode.UnprocessableEntity, "number");
        var finished = await Problem.AssertAsync(closed, HttpStatusCode.Conflict, "number");
        Assert.Equal("closed", finished.GetProperty("currentStatus").GetString());
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "number");
        await Problem.AssertAsync(unknownDevice, HttpStatusCode.NotFound, "serial");
        await Problem.AssertAsync(unknownModel, HttpStatusCode.NotFound, "model");
    }

    [Fact]
    public async Task AVisitAgainstAStaleETagIs412()
    {
        var (_, _, number) = await StartedFaultAsync();
        var (read, etag) = await api.GetCaseAsync(number);

        using var stale = await api.PostAsync($"/api/cases/{number}/visits", new { workDone = "x", minutesOnSite = 5, outcome = "fixed" },
            ("If-Match", $"\"{read.Version - 1}\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.NotNull(etag);
    }
}
