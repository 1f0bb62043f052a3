using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>GET /api/cases/{number}/history</c> pages through every event of a case, never cut, and refuses bad
/// paging parameters with a field-level problem.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseHistoryTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task PagesFollowEachOtherThroughTheNextLinkUntilEveryEventIsRead()
    {
        var opened = await api.OpenAssignedCaseAsync();
        await ActAsync(opened.Number, "start");
        for (var i = 0; i < 60; i++)
        {
            await ActAsync(opened.Number, "wait");
            await ActAsync(opened.Number, "resume");
        }

        using var firstResponse = await api.Client.GetAsync($"/api/cases/{opened.Number}/history?limit=50");
        var first = await ApiDriver.ReadAsync<CaseHistoryResponse>(firstResponse, HttpStatusCode.OK);
        var all = await api.GetHistoryAsync(opened.Number);

        // opened, assigned, start and 120 wait/resume.
        Assert.Equal(123, first.LastSequence);
        Assert.Equal(Enumerable.Range(1, 50), first.Events.Select(e => e.Sequence));
        Assert.Equal($"/api/cases/{opened.Number}/history?after=50&limit=50", first.Next);
        Assert.Equal($"</api/cases/{opened.Number}/history?after=50&limit=50>; rel=\"next\"", Assert.Single(firstResponse.Headers.GetValues("Link")));
        Assert.Equal(Enumerable.Range(1, 123), all.Select(e => e.Sequence));
        Assert.Equal(123, all.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task TheLastPageHasNoNextLink()
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.Client.GetAsync($"/api/cases/{opened.Number}/history?after=1");
        var page = await ApiDriver.ReadAsync<CaseHistoryResponse>(response, HttpStatusCode.OK);

        Assert.Equal([2], page.Events.Select(e => e.Sequence));
        Assert.Null(page.Next);
        Assert.False(response.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=abc", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task BadPagingParametersAnswer400NamingTheParameter(string query, string field)
    {
        var opened = await api.OpenAssignedCaseAsync();

        using var response = await api.Client.GetAsync($"/api/cases/{opened.Number}/history?{query}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    private async Task ActAsync(string number, string action)
    {
        using var response = action == "wait"
            ? await api.PostAsync($"/api/cases/{number}/{action}", new { reason = "Asked for a photo" })
            : await api.SendAsync(HttpMethod.Post, $"/api/cases/{number}/{action}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
