using System.Net;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The live streams (Server-Sent Events) push a case change within a deadline, to the case's stream and to the
/// board of the department and region the case is on.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveApiTests(ApiApplication app) : IDisposable
{
    /// <summary>The issue asks for a second; the deadline leaves room for a loaded test machine.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ABoardStreamSendsACaseOpenedAfterItIsReady()
    {
        var region = app.NewRegion();
        await api.CreateTechnicianAsync("maintenance", region, onShift: true, capacity: 50);
        var customer = await api.CreateCustomerAsync(region);
        using var stream = await SseReader.OpenAsync(api.Client, $"/api/live/departments/maintenance/{region}");
        var (ready, _) = await stream.NextAsync(Deadline);
        Assert.Equal("ready", ready);

        var opened = await api.OpenCaseAsync(customer.Id);

        var change = await stream.NextAsync("case", e => e.GetProperty("caseNumber").GetString() == opened.Number, Deadline);
        Assert.Equal("maintenance", change.GetProperty("department").GetString());
        Assert.Equal(region, change.GetProperty("region").GetString());
        Assert.Equal("assigned", change.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ABoardStreamSendsNothingOfAnotherRegion()
    {
        var watched = app.NewRegion();
        var other = app.NewRegion();
        using var stream = await SseReader.OpenAsync(api.Client, $"/api/live/departments/maintenance/{watched}");
        Assert.Equal("ready", (await stream.NextAsync(Deadline)).Type);

        var elsewhere = await api.OpenAssignedCaseAsync(other);
        var here = await api.OpenAssignedCaseAsync(watched);

        // Events arrive in order per partition only, so read until the watched region's case: the other never shows.
        var seen = new List<string?>();
        await stream.NextAsync("case", e =>
        {
            seen.Add(e.GetProperty("caseNumber").GetString());
            return seen[^1] == here.Number;
        }, Deadline);
        Assert.DoesNotContain(elsewhere.Number, seen);
    }

    [Fact]
    public async Task ACaseStreamSendsEachChangeOfTheCase()
    {
        var opened = await api.OpenAssignedCaseAsync(app.NewRegion());
        using var stream = await SseReader.OpenAsync(api.Client, $"/api/live/cases/{opened.Number}");
        Assert.Equal("ready", (await stream.NextAsync(Deadline)).Type);

        using (var started = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null))
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        var change = await stream.NextAsync("case", e => e.GetProperty("status").GetString() == "inProgress", Deadline);
        Assert.Equal(opened.Number, change.GetProperty("caseNumber").GetString());
        Assert.True(change.GetProperty("sequence").GetInt64() > 1);
    }

    [Fact]
    public async Task ATransferIsSentToTheBoardTheCaseLeft()
    {
        var region = app.NewRegion();
        var opened = await api.OpenAssignedCaseAsync(region);
        using var stream = await SseReader.OpenAsync(api.Client, $"/api/live/departments/maintenance/{region}");
        Assert.Equal("ready", (await stream.NextAsync(Deadline)).Type);

        using (var moved = await api.PostAsync($"/api/cases/{opened.Number}/transfer", new { department = "technical-support", reason = "A fault, not a service" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        // The open's own change may still be on its way when the stream is ready: wait for the move.
        var change = await stream.NextAsync("case", e => e.GetProperty("caseNumber").GetString() == opened.Number
            && e.GetProperty("department").GetString() != "maintenance", Deadline);
        Assert.Equal("technical-support", change.GetProperty("department").GetString());
    }

    [Theory]
    [InlineData("/api/live/departments/plumbing/east", "department")]
    [InlineData("/api/live/departments/maintenance/atlantis", "region")]
    [InlineData("/api/live/cases/AS-1999-999999", "number")]
    public async Task AnUnknownBoardOrCaseAnswers404(string path, string field)
    {
        using var response = await api.Client.GetAsync(path);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, field);
    }
}
