using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Tests.Api.Infrastructure.HttpFiles;

namespace AfterSales.Tests.Api;

/// <summary>src/Api/AfterSales.Api.http, run top to bottom on a fresh API as a newcomer runs it from an editor: every
/// placeholder resolves, every request gets the answer its title announces (<c>### 404 on …</c>, <c># expect 409</c>)
/// or a success, and nothing answers 5xx.</summary>
public sealed class HttpFileWalkthroughTests(DefaultConfigurationApiApplication app) : IClassFixture<DefaultConfigurationApiApplication>
{
    [Fact]
    public async Task TheWalkthroughFileRunsTopToBottomOnAFreshApi()
    {
        var (variables, requests) = HttpFile.Parse(RepositoryFiles.PathOf("src/Api/AfterSales.Api.http"));
        // No credential of its own: the file signs in with its first /api request, as a newcomer's editor does.
        using var client = app.CreateApiClient(bearerToken: null);
        var runner = new HttpFileRunner(client, app.BaseAddress.ToString().TrimEnd('/'), TimeProvider.System);
        runner.Define(variables);
        Assert.True(requests.Count > 100, $"only {requests.Count} requests parsed");

        var failures = new List<string>();
        foreach (var request in requests)
        {
            int status;
            string body;
            try
            {
                (status, body) = await runner.SendUntilDefinedAsync(request, TimeSpan.FromSeconds(15));
            }
            catch (InvalidOperationException unresolved)
            {
                failures.Add(unresolved.Message);
                continue;
            }
            var expected = request.ExpectedStatus;
            if (expected is { } code ? status != code : status is < 200 or > 299)
            {
                failures.Add($"line {request.Line} ({request.Title}): {request.Method} {request.Url} answered {status}, " +
                    $"expected {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx"}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
