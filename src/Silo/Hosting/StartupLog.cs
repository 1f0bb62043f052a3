using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Hosting;

/// <summary>Logs a choice made while the host was built (hosting, telemetry) once, when the host starts.</summary>
internal sealed class StartupLog<TSummary>(TSummary summary, ILogger<TSummary> logger, Action<ILogger, TSummary> write) : IHostedService
    where TSummary : class
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        write(logger, summary);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class StartupLogExtensions
{
    /// <summary>Logs the registered <typeparamref name="TSummary"/> with <paramref name="write"/> when the host starts.</summary>
    public static IServiceCollection AddStartupLog<TSummary>(this IServiceCollection services, Action<ILogger, TSummary> write)
        where TSummary : class =>
        services.AddHostedService(provider => new StartupLog<TSummary>(
            provider.GetRequiredService<TSummary>(), provider.GetRequiredService<ILogger<TSummary>>(), write));
}
