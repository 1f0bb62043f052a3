using System.Net;
using System.Text.Json;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>State actions over HTTP: each legal one answers the case and its new ETag; an illegal one answers 409
/// naming the current status and the actions allowed now.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseLifecycleTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ACaseWalksFromAssignedThroughWaitingToClosed()
    {
        var opened = await api.OpenAssignedCaseAsync();
        Assert.Equal(CaseStatus.Assigned, opened.Status);

        var started = await ActAsync(opened.Number, "start", null, CaseStatus.InProgress);
        var waiting = await ActAsync(opened.Number, "wait", new { reason = "Asked for the model plate photo" }, CaseStatus.WaitingForCustomer);
        var resumed = await ActAsync(opened.Number, "resume", null, CaseStatus.InProgress);
        var resolved = await ActAsync(opened.Number, "resolve", new { summary = "Replaced the ignition board." }, CaseStatus.Resolved);
        var closed = await ActAsync(opened.Number, "close", null, CaseStatus.Closed);

        Assert.Equal("Replaced the ignition board.", resolved.ResolutionSummary);
        Assert.NotNull(closed.ClosedAt);
        Assert.True(started.Version < waiting.Version && waiting.Version < resumed.Version && resumed.Version < closed.Version);
        Assert.Empty(closed.AllowedActions);

        var history = (await ApiDriver.ReadAsync<CaseHistoryResponse>(
            await api.Client.GetAsync($"/api/cases/{opened.Number}/history"), HttpStatusCode.OK)).Events;
        Assert.Contains(history, e => e.From == CaseStatus.InProgress && e.To == CaseStatus.WaitingForCustomer && e.Actor == "tech.li");
        Assert.Equal(CaseStatus.Closed, history[^1].To);
    }

    [Fact]
    public async Task AResolvedCaseCanBeReopenedAndCountsTheReopen()
    {
        var opened = await api.OpenAssignedCaseAsync();
        await ActAsync(opened.Number, "start", null, CaseStatus.InProgress);
        await ActAsync(opened.Number, "resolve", new { summary = "Reset the controller." }, CaseStatus.Resolved);

        var reopened = await ActAsync(opened.Number, "reopen", new { reason = "Error came back" }, CaseStatus.InProgress);

        Assert.Equal(1, reopened.ReopenCount);
    }

    [Fact]
    public async Task AnOpenCaseCanBeCancelled()
    {
        var opened = await api.OpenAssignedCaseAsync();

        var cancelled = await ActAsync(opened.Number, "cancel", new { reason = "Customer fixed it" }, CaseStatus.Cancelled);

        Assert.Empty(cancelled.AllowedActions);
    }

    [Fact]
    public async Task AnIllegalActionIsRefusedWith409NamingTheCurrentStatusAndAllowedActions()
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/close", null);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "action");
        Assert.Equal("assigned", problem.GetProperty("currentStatus").GetString());
        var allowed = problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToArray();
        Assert.Equal(opened.AllowedActions.Select(a => JsonNamingPolicy.CamelCase.ConvertName(a.ToString())), allowed);
        Assert.Contains("start", allowed);
        Assert.DoesNotContain("close", allowed);
        var (unchanged, _) = await api.GetCaseAsync(opened.Number);
        Assert.Equal(opened.Version, unchanged.Version);
    }

    [Fact]
    public async Task NotesAreAddedWithTheirVisibilityAndAuthor()
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/notes",
            new { text = "Customer prefers a visit after 18:00.", visibility = "customer" }, ("X-Actor", "agent.amy"));

        var noted = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        var note = Assert.Single(noted.Notes);
        Assert.Equal(NoteVisibility.Customer, note.Visibility);
        Assert.Equal("agent.amy", note.Author);
        Assert.Equal($"\"{noted.Version}\"", response.Headers.ETag?.Tag);
        Assert.True(noted.Version > opened.Version);
    }

    private async Task<CaseResponse> ActAsync(string number, string action, object? body, CaseStatus expected)
    {
        using var response = body is null
            ? await api.SendAsync(HttpMethod.Post, $"/api/cases/{number}/{action}", null, ("X-Actor", "tech.li"))
            : await api.PostAsync($"/api/cases/{number}/{action}", body, ("X-Actor", "tech.li"));
        var result = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal(expected, result.Status);
        Assert.Equal($"\"{result.Version}\"", response.Headers.ETag?.Tag);
        return result;
    }
}
