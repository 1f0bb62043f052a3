using System.Globalization;
using System.Threading.RateLimiting;
using AfterSales.Access;
using AfterSales.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Access;

/// <summary>The request limits per caller: a fixed window per signed-in person (<c>user:</c> + <c>sub</c>), per API key
/// (<c>key:</c> + its id) and, for requests without a valid credential, per client address. It is the rate limiter's
/// global limiter, so it runs before — and apart from — the API's concurrency limit (<c>ApiConcurrencyLimiter</c>), which
/// sheds load whoever sends it. Only <c>/api</c> is limited: probes, metrics and the OpenAPI document are not.</summary>
internal static class RequestRateLimits
{
    public static void Configure(RateLimiterOptions options, AuthOptions auth)
    {
        var limits = auth.RateLimits;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            var (key, permits) = PartitionOf(context, limits);
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        var concurrencyRejected = options.OnRejected;
        options.OnRejected = async (context, cancellationToken) =>
        {
            // The concurrency limiter's leases carry no retry time; a window's lease says when the window ends.
            if (!context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                await (concurrencyRejected?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask);
                return;
            }
            await RejectAsync(context.HttpContext, retryAfter);
        };
    }

    /// <summary>The partition of a request: its principal, its API key, or its client address.</summary>
    public static (string Key, int Permits) PartitionOf(HttpContext context, RateLimitOptions limits)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var caller = context.Caller();
            return caller.Kind == CallerKind.ApiKey
                ? ("key:" + caller.Subject, limits.PerApiKey)
                : ("user:" + caller.Subject, limits.PerUser);
        }
        return ("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.PerAnonymousAddress);
    }

    private static async Task RejectAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestRateLimits));
        if (logger.IsEnabled(LogLevel.Information))
        {
            var kind = context.User.Identity?.IsAuthenticated == true ? "caller" : "client address";
            AuthLog.RateLimited(logger, kind);
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests from this caller; retry after {seconds} s.";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = ApiProblems.Details(StatusCodes.Status429TooManyRequests,
                new Dictionary<string, string[]> { [ApiProblems.Body] = [message] }, message),
        });
    }
}
