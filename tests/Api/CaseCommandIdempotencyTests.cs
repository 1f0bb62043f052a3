using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>An Idempotency-Key on the commands of an existing case (actions, notes, assignments): a client that lost
/// the answer retries with the same key and body and gets the case as it is, marked Idempotent-Replayed, instead of a
/// 409 for an action already applied or a second note; the key with another body or command is 422.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseCommandIdempotencyTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AStartRetriedWithItsKeyAndTheOldETagIsAReplayNotA409()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, etag) = await api.GetCaseAsync(opened.Number);
        var path = $"/api/cases/{opened.Number}/start";

        using var first = await api.PostRawAsync(path, "{}", ("Idempotency-Key", "start-1"), ("If-Match", etag.Tag));
        using var retry = await api.PostRawAsync(path, "{}", ("Idempotency-Key", "start-1"), ("If-Match", etag.Tag));
        using var withoutKey = await api.PostRawAsync(path, "{}");

        var started = await ApiDriver.ReadAsync<CaseResponse>(first, HttpStatusCode.OK);
        var replayed = await ApiDriver.ReadAsync<CaseResponse>(retry, HttpStatusCode.OK);
        Assert.Equal((CaseStatus.InProgress, started.Version), (replayed.Status, replayed.Version));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal($"\"{started.Version}\"", retry.Headers.ETag?.Tag);
        await Problem.AssertAsync(withoutKey, HttpStatusCode.Conflict, "action");
        Assert.Single(await api.GetHistoryAsync(opened.Number), e => e.To == CaseStatus.InProgress);
    }

    [Fact]
    public async Task ANoteRetriedWithItsKeyIsAddedOnceAndTheKeyWithAnotherTextIs422()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var path = $"/api/cases/{opened.Number}/notes";

        using var first = await api.PostAsync(path, new { text = "Spare part ordered.", visibility = "customer" }, ("Idempotency-Key", "note-1"));
        using var retry = await api.PostAsync(path, new { text = "Spare part ordered.", visibility = "customer" }, ("Idempotency-Key", "note-1"), ("X-Actor", "other.agent"));
        using var otherText = await api.PostAsync(path, new { text = "Something else.", visibility = "customer" }, ("Idempotency-Key", "note-1"));

        var noted = await ApiDriver.ReadAsync<CaseResponse>(first, HttpStatusCode.OK);
        var replayed = await ApiDriver.ReadAsync<CaseResponse>(retry, HttpStatusCode.OK);
        Assert.Equal(noted.Version, replayed.Version);
        Assert.Single(replayed.Notes);
        await Problem.AssertAsync(otherText, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Fact]
    public async Task AKeyUsedForOneActionIs422OnAnotherAndTheCaseStaysWhereItWas()
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var start = await api.PostRawAsync($"/api/cases/{opened.Number}/start", "{}", ("Idempotency-Key", "act-1"));
        using var resolve = await api.PostAsync($"/api/cases/{opened.Number}/resolve", new { summary = "Fixed." }, ("Idempotency-Key", "act-1"));

        var started = await ApiDriver.ReadAsync<CaseResponse>(start, HttpStatusCode.OK);
        await Problem.AssertAsync(resolve, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        var (now, _) = await api.GetCaseAsync(opened.Number);
        Assert.Equal((CaseStatus.InProgress, started.Version), (now.Status, now.Version));
    }

    [Theory]
    [InlineData("start")]
    [InlineData("notes")]
    [InlineData("assign")]
    public async Task AMalformedKeyIs400AtTheHeaderAndChangesNothing(string command)
    {
        var opened = await api.OpenAssignedCaseAsync();
        var body = command switch
        {
            "notes" => """{ "text": "x", "visibility": "internal" }""",
            "assign" => """{ "technicianId": "nobody", "reason": "Load." }""",
            _ => "{}",
        };

        using var response = await api.PostRawAsync($"/api/cases/{opened.Number}/{command}", body, ("Idempotency-Key", new string('k', 300)));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Equal(opened.Version, (await api.GetCaseAsync(opened.Number)).Case.Version);
    }
}
