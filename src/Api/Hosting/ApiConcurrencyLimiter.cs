using System.Threading.RateLimiting;
using AfterSales.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Hosting;

/// <summary>The one concurrency limit every <c>/api</c> request passes (rate-limiting policy
/// <see cref="PolicyName"/>): <see cref="ApiOptions.ConcurrencyLimit"/> in flight, <see cref="ApiOptions.QueueLimit"/>
/// waiting, the rest answered 429 with <c>Retry-After</c>. A singleton, so its statistics can be read.</summary>
internal sealed class ApiConcurrencyLimiter : IDisposable
{
    public const string PolicyName = "api";

    private readonly ConcurrencyLimiter inner;
    private readonly int permitLimit;

    public ApiConcurrencyLimiter(IOptions<ApiOptions> options)
    {
        permitLimit = options.Value.ConcurrencyLimit;
        inner = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.ConcurrencyLimit,
            QueueLimit = options.Value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        Limiter = new Shared(inner);
        Partition = RateLimitPartition.Get(PolicyName, _ => Limiter);
    }

    /// <summary>The limiter handed to the rate-limiting middleware.</summary>
    public RateLimiter Limiter { get; }

    /// <summary>The one partition every request maps to, built once: a partition made per request would allocate a
    /// closure and a factory on every call.</summary>
    private RateLimitPartition<string> Partition { get; }

    /// <summary>Requests holding a slot right now.</summary>
    public long InFlight => permitLimit - (inner.GetStatistics()?.CurrentAvailablePermits ?? permitLimit);

    /// <summary>Requests waiting for a slot right now.</summary>
    public long Queued => inner.GetStatistics()?.CurrentQueuedCount ?? 0;

    public void Dispose() => inner.Dispose();

    /// <summary>Registers the policy and the 429 answer.</summary>
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, httpContext => httpContext.RequestServices.GetRequiredService<ApiConcurrencyLimiter>().Partition);
        options.OnRejected = OnRejectedAsync;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var httpContext = context.HttpContext;
        var retryAfter = httpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RetryAfterSeconds;
        await ApiProblems.WriteTooManyRequestsAsync(httpContext, retryAfter, $"The service is at its concurrency limit; retry after {retryAfter} s.");
    }

    /// <summary>Shares the limiter with the middleware without letting it end its life: the middleware drops and
    /// disposes partitions it thinks idle, so this one never reports idle and ignores disposal.</summary>
    private sealed class Shared(ConcurrencyLimiter limiter) : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => limiter.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => limiter.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            limiter.AcquireAsync(permitCount, cancellationToken);
    }
}
