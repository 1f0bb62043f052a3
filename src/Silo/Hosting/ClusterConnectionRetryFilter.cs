using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Hosting;

/// <summary>Client mode: keeps trying to reach the cluster for a while at start, so an API started before (or
/// together with) its silos waits for them instead of failing; every failed attempt is logged.</summary>
internal sealed partial class ClusterConnectionRetryFilter(TimeProvider time, ILogger<ClusterConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    public const int MaxAttempts = 30;

    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt > MaxAttempts)
        {
            LogGaveUp(logger, exception, attempt - 1);
            return false;
        }
        LogRetrying(logger, attempt, MaxAttempts, exception.Message);
        await Task.Delay(Delay, time, cancellationToken);
        return true;
    }

    [LoggerMessage(1, LogLevel.Warning, "Cluster not reachable (attempt {Attempt} of {MaxAttempts}): {Reason}; retrying")]
    private static partial void LogRetrying(ILogger logger, int attempt, int maxAttempts, string reason);

    [LoggerMessage(2, LogLevel.Error, "Cluster not reachable after {Attempts} attempts; giving up")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, int attempts);
}
