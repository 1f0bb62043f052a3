using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Api.Health;

/// <summary>Runs one readiness question with the probe timeout: an answer in time is healthy, anything else unhealthy
/// with a reason an operator can act on (never the exception's message, which may hold a connection string).</summary>
internal static class ReadinessProbe
{
    public static async Task<HealthCheckResult> RunAsync(Func<CancellationToken, Task<string>> probe, TimeSpan timeout,
        string timedOut, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return HealthCheckResult.Healthy(await probe(limit.Token).WaitAsync(timeout, cancellationToken));
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy($"{timedOut} within {timeout.TotalMilliseconds:0} ms.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The probe failed: {exception.GetType().Name}.");
        }
    }
}
