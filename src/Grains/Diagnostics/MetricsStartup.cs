using Microsoft.Extensions.Hosting;

namespace AfterSales.Diagnostics;

/// <summary>Creates the project's instruments when the host starts, so the gauges are there for the first scrape and
/// not only once a grain that records something has been activated.</summary>
internal sealed class MetricsStartup(AfterSalesMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(metrics);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
