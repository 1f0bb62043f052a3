using System.Net;
using AfterSales.Bench.Drivers.Http;

namespace AfterSales.Bench.Tests;

public sealed class SpreadHandlerTests
{
    [Fact]
    public async Task RequestsGoToEachInstanceInTurnWithTheirPathAndQuery()
    {
        var seen = new List<Uri>();
        using var client = new HttpClient(new SpreadHandler(
            [new Uri("http://127.0.0.1:8080"), new Uri("http://127.0.0.1:8081")], new Recorder(seen)))
        {
            BaseAddress = new Uri("http://127.0.0.1:8080"),
        };

        for (var i = 0; i < 4; i++)
        {
            using var _ = await client.GetAsync(new Uri($"/api/cases/C-{i}?view=full", UriKind.Relative));
        }

        Assert.Equal(
            ["http://127.0.0.1:8080/api/cases/C-0?view=full", "http://127.0.0.1:8081/api/cases/C-1?view=full",
             "http://127.0.0.1:8080/api/cases/C-2?view=full", "http://127.0.0.1:8081/api/cases/C-3?view=full"],
            seen.Select(u => u.ToString()));
    }

    private sealed class Recorder(List<Uri> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
