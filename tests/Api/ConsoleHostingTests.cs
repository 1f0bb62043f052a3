using System.Net;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The console is served at / by the API process, its client-side routes fall back to index.html, and the
/// API's own paths keep answering as before.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConsoleHostingTests(ApiApplication app) : IDisposable
{
    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/agent")]
    [InlineData("/board/maintenance/west")]
    [InlineData("/cases/AS-2026-000001")]
    [InlineData("/technician")]
    [InlineData("/kpis")]
    [InlineData("/survey/AbCdEfGhIjKlMnOpQrStUvWxYz012345")]
    public async Task APageOfTheConsoleAnswersItsIndex(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.webassembly.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_framework/blazor.webassembly.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("/css/console.css", "text/css")]
    public async Task TheConsoleFilesComeFromThisProcess(string path, string mediaType)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api")]
    [InlineData("/_framework/no-such-file.js")]
    public async Task AnUnknownApiPathStaysA404Problem(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A POST to a path nobody serves is 404 for anyone, anonymous included — not 401 (a catch-all page route
    /// once made the router offer its 405 endpoint for every path, which the deny-by-default policy refused).</summary>
    [Theory]
    [InlineData("/api/dev/no-such-route")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/no-such-page")]
    public async Task APostToAPathNobodyServesIs404ForAnAnonymousCaller(string path)
    {
        using var anonymous = app.CreateApiClient(bearerToken: null);

        using var response = await anonymous.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
