using System.Net;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiApplication app) : IDisposable
{
    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task LivenessAnswersHealthyWithoutAskingTheSilo()
    {
        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessAnswersHealthyWhenTheSiloAnswersAndStorageAcceptsAWrite()
    {
        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PingAnswersPongAsPlainText()
    {
        using var response = await client.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }
}
