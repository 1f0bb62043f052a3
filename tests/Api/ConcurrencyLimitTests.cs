using System.Net;
using System.Text;
using AfterSales.Api.Hosting;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>With one slot and no queue, a second API request while one is in flight is shed with 429.</summary>
public sealed class ConcurrencyLimitTests(LimitedApiApplication app) : IClassFixture<LimitedApiApplication>
{
    [Fact]
    public async Task ARequestBeyondTheLimitIsAnswered429WithRetryAfterWhileProbesStillAnswer()
    {
        var limiter = app.Services.GetRequiredService<ApiConcurrencyLimiter>();
        using var client = app.CreateApiClient();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The held request's body arrives only when released, so it keeps its slot while the handler reads it.
        using var held = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = new HeldContent(release.Task) };
        var heldResponse = client.SendAsync(held);
        await ApiDriver.EventuallyAsync(() => Task.FromResult(limiter.InFlight == 1), "the held request occupies the only slot");

        using var shed = await client.GetAsync("/api/departments");
        using var ping = await client.GetAsync("/ping");
        using var live = await client.GetAsync("/health/live");
        release.SetResult();
        using var completed = await heldResponse;

        var problem = await Problem.AssertAsync(shed, HttpStatusCode.TooManyRequests, "$");
        Assert.Equal(TimeSpan.FromSeconds(7), shed.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        // The held request was served, not shed: its body (an empty object) fails validation.
        await Problem.AssertAsync(completed, HttpStatusCode.BadRequest, "name");
        // The slot is given back as the middleware unwinds, which may be just after the client has the answer.
        await ApiDriver.EventuallyAsync(() => Task.FromResult(limiter.InFlight == 0), "the slot is free again");
        using var afterwards = await client.GetAsync("/api/departments");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Contains("7", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A JSON body whose end is written only once a barrier opens.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly Task release;

        public HeldContent(Task release)
        {
            this.release = release;
            Headers.ContentType = new("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // The first byte goes out at once so the request reaches the server; the rest waits for the barrier.
            await stream.WriteAsync(Encoding.UTF8.GetBytes("{"));
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync(Encoding.UTF8.GetBytes("}"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
