using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Hosting;

/// <summary>Logs the hosting choice once, when the host starts.</summary>
internal sealed class HostingSummaryLogger(HostingSummary summary, ILogger<HostingSummaryLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HostingLog.Summary(logger, summary.Mode, summary.ClusterId, summary.ServiceId, summary.Storage, summary.Reminders);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
