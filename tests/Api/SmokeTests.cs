using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AfterSales.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SmokeTests(ApiApplication app)
{
    [Fact]
    public async Task PingAnswersPongAsPlainText()
    {
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync("/ping");
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        var ep = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.NotEqual(11111, ep.SiloPort);
        var doc = await client.GetStringAsync("/openapi/v1.json");
        File.WriteAllText("/tmp/openapi.json", doc);
    }
}
