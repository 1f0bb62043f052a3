using System.Text.Json;
using AfterSales.Api.Problems;
using AfterSales.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AfterSales.Tests.Api;

/// <summary>Failures that are the service's, not the client's, and pass: a timed-out grain call, a silo lost during
/// failover, an unreachable database. Each is a 503 with Retry-After and a ProblemDetails saying what to do; anything
/// else stays a 500.</summary>
public sealed class ServiceUnavailableTests
{
    public static TheoryData<Exception, string> Passing => new()
    {
        { new TimeoutException("grain call timed out"), "same Idempotency-Key" },
        { new SiloUnavailableException("silo died"), "server is restarting" },
        { new StorageUnavailableException("connections exhausted"), "nothing of this request was stored" },
        // What a grain whose state cannot be read at activation throws to its caller.
        {
            new OrleansException("Error from storage provider main during ReadStateAsync for grain case/AS-2026-000001",
                new StorageUnavailableException("unable to open database file")),
            "nothing of this request was stored"
        },
    };

    [Theory]
    [MemberData(nameof(Passing))]
    public async Task APassingFailureIsA503WithRetryAfterAndWhatToDo(Exception failure, string advice)
    {
        var (handled, context) = await HandleAsync(failure);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(advice, problem.RootElement.GetProperty("errors").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task AnyOtherFailureIsLeftToTheDefault500()
    {
        var (handled, _) = await HandleAsync(new InvalidOperationException("a bug"));

        Assert.False(handled);
    }

    private static async Task<(bool Handled, HttpContext Context)> HandleAsync(Exception failure)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new BadRequestExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), Options.Create(new JsonOptions()));
        var handled = await handler.TryHandleAsync(context, failure, CancellationToken.None);
        return (handled, context);
    }
}
