using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace AfterSales.Silo.Hosting;

/// <summary>Client mode: gives the grain calls in flight when a gateway connection is lost a short deadline
/// (<see cref="ClientTimingOptions.GatewayLossGrace"/>), after which they fail with <see cref="SiloUnavailableException"/>.</summary>
/// <remarks>Orleans does not fail the calls it sent through a gateway whose process died: they wait out the whole
/// response timeout (measured: 13 requests held 10.5 s after a <c>kill -9</c>). Which calls went through the lost
/// gateway is not visible from outside Orleans, so every call in flight at that moment gets the deadline; those sent
/// through live gateways normally finish well within it (p99 0.35 s under load here), the others fail fast and are
/// answered 503 — their outcome unknown, as with any timeout.</remarks>
internal sealed partial class GatewayLossDeadline(ClientTimingOptions options, TimeProvider time, ILogger<GatewayLossDeadline> logger) : IOutgoingGrainCallFilter, IDisposable
{
    private CancellationTokenSource _generation = new();

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var lost = Volatile.Read(ref _generation).Token;
        var call = context.Invoke();
        return call.IsCompleted ? call : WithDeadlineAsync(call, lost);
    }

    /// <summary>Registered as the client's gateway-count handler.</summary>
    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs e)
    {
        if (e.NumberOfConnectedGateways >= e.PreviousNumberOfConnectedGateways)
        {
            return;
        }
        var lost = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
        LogGatewayLost(logger, e.NumberOfConnectedGateways, options.GatewayLossGrace.TotalMilliseconds);
        // The source is not disposed: calls still in flight hold its token; it is collected with them.
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            lost.Cancel();
            timer?.Dispose();
        }, null, options.GatewayLossGrace, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _generation.Dispose();

    private static async Task WithDeadlineAsync(Task call, CancellationToken lost)
    {
        try
        {
            await call.WaitAsync(lost);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !call.IsCompleted)
        {
            // Observe the abandoned call's eventual failure, so it is not reported as unobserved.
            _ = call.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new SiloUnavailableException("A gateway connection was lost while this call was in flight, and it was not answered within the grace period.");
        }
    }

    [LoggerMessage(9940, LogLevel.Warning, "A gateway connection was lost ({Connected} connected now); calls in flight have {GraceMs} ms to complete")]
    private static partial void LogGatewayLost(ILogger logger, int connected, double graceMs);
}
