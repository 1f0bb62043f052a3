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
}
