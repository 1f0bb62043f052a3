using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>POST /api/cases/{number}/priority</c>: recorded with reason and actor, the SLA follows the new priority,
/// If-Match and Idempotency-Key guard it, and refusals name their field.</summary>
[Collection(ApiCollection.Name)]
public sealed class CasePriorityTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private async Task<(CaseResponse Case, string ETag)> OpenAsync()
    {
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(app.NewRegion())).Id, "fault", null, null);
        var (_, etag) = await api.GetCaseAsync(opened.Number);
        return (opened, etag.Tag);
    }

    [Fact]
    public async Task RaisingThePriorityRecordsItChoosesTheSlaRuleAgainAndBumpsTheETag()
    {
        var (opened, etag) = await OpenAsync();

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/priority",
            new { priority = "urgent", reason = "Hospital customer." }, ("If-Match", etag), ("X-Actor", "supervisor.sam"));

        var changed = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal((CasePriority.Urgent, "urgent", opened.Version + 1), (changed.Priority, changed.Sla?.RuleId, changed.Version));
        Assert.Equal($"\"{changed.Version}\"", response.Headers.ETag?.Tag);
        var entry = Assert.Single(await api.GetHistoryAsync(opened.Number), e => e.Action == "priorityChanged");
        Assert.Equal(("supervisor.sam", "normal → urgent: Hospital customer."), (entry.Actor, entry.Details));
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyIsAReplayAndTheKeyWithAnotherBodyIs422()
    {
        var (opened, _) = await OpenAsync();
        var path = $"/api/cases/{opened.Number}/priority";

        using var first = await api.PostAsync(path, new { priority = "high", reason = "Called twice." }, ("Idempotency-Key", "prio-1"));
        using var retry = await api.PostAsync(path, new { priority = "high", reason = "Called twice." }, ("Idempotency-Key", "prio-1"), ("X-Actor", "other.agent"));
        using var otherBody = await api.PostAsync(path, new { priority = "low", reason = "Called twice." }, ("Idempotency-Key", "prio-1"));

        var changed = await ApiDriver.ReadAsync<CaseResponse>(first, HttpStatusCode.OK);
        var replayed = await ApiDriver.ReadAsync<CaseResponse>(retry, HttpStatusCode.OK);
        Assert.Equal(changed.Version, replayed.Version);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        await Problem.AssertAsync(otherBody, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Single(await api.GetHistoryAsync(opened.Number), e => e.Action == "priorityChanged");
    }

    [Theory]
    [InlineData("""{ "priority": "critical", "reason": "Now." }""", "priority")]
    [InlineData("""{ "reason": "Now." }""", "priority")]
    [InlineData("""{ "priority": "high", "reason": "  " }""", "reason")]
    [InlineData("""{ "priority": "normal", "reason": "Same as before." }""", "priority")]
    public async Task ABadOrUnchangedPriorityIs400AtItsFieldAndChangesNothing(string body, string field)
    {
        var (opened, _) = await OpenAsync();

        using var response = await api.PostRawAsync($"/api/cases/{opened.Number}/priority", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(opened.Version, (await api.GetCaseAsync(opened.Number)).Case.Version);
    }

    [Fact]
    public async Task AStaleIfMatchIs412AndAClosedCaseIs409()
    {
        var (opened, etag) = await OpenAsync();
        using (var cancel = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        using var stale = await api.PostAsync($"/api/cases/{opened.Number}/priority", new { priority = "high", reason = "Late." }, ("If-Match", etag));
        using var cancelled = await api.PostAsync($"/api/cases/{opened.Number}/priority", new { priority = "high", reason = "Late." });
        using var missing = await api.PostAsync("/api/cases/AS-1999-999999/priority", new { priority = "high", reason = "Late." });

        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        var problem = await Problem.AssertAsync(cancelled, HttpStatusCode.Conflict, "action");
        Assert.Equal("cancelled", problem.GetProperty("currentStatus").GetString());
        await Problem.AssertAsync(missing, HttpStatusCode.NotFound, "number");
    }
}
