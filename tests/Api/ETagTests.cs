using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Optimistic concurrency: reads carry the version as ETag, writes with a stale If-Match are refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class ETagTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ReadingACaseReturnsItsVersionAsAStrongETag()
    {
        var opened = await api.OpenAssignedCaseAsync();

        var (read, etag) = await api.GetCaseAsync(opened.Number);

        Assert.False(etag.IsWeak);
        Assert.Equal($"\"{read.Version}\"", etag.Tag);
    }

    [Fact]
    public async Task AnIfNoneMatchWithTheCurrentETagAnswers304()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, etag) = await api.GetCaseAsync(opened.Number);

        using var response = await api.SendAsync(HttpMethod.Get, $"/api/cases/{opened.Number}", null, ("If-None-Match", etag.Tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag.Tag, response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnActionWithTheCurrentETagIsAppliedAndReturnsTheNewETag()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, etag) = await api.GetCaseAsync(opened.Number);

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", etag.Tag));

        var started = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal(CaseStatus.InProgress, started.Status);
        Assert.NotEqual(etag.Tag, response.Headers.ETag?.Tag);
        Assert.Equal($"\"{started.Version}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnActionWithAStaleETagIsRefusedWith412AndChangesNothing()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (_, stale) = await api.GetCaseAsync(opened.Number);
        using (var note = await api.PostAsync($"/api/cases/{opened.Number}/notes", new { text = "Called the customer.", visibility = "internal" }))
        {
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", stale.Tag));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        var (current, _) = await api.GetCaseAsync(opened.Number);
        Assert.Equal(CaseStatus.Assigned, current.Status);
    }

    [Fact]
    public async Task ANoteWithAStaleETagIsRefusedWith412()
    {
        var opened = await api.OpenAssignedCaseAsync();
        var (read, _) = await api.GetCaseAsync(opened.Number);

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/notes",
            new { text = "Late note.", visibility = "internal" }, ("If-Match", $"\"{read.Version + 5}\""));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        var (current, _) = await api.GetCaseAsync(opened.Number);
        Assert.Empty(current.Notes);
    }

    [Fact]
    public async Task AWildcardIfMatchSkipsTheCheck()
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/start", null, ("If-Match", "*"));

        Assert.Equal(CaseStatus.InProgress, (await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK)).Status);
    }
}
