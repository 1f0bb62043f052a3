using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Diagnostics;

/// <summary>Registers the project's instruments (<see cref="AfterSalesMetrics"/>) and what feeds its gauges.</summary>
internal static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddAfterSalesMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<DepartmentQueueLengths>();
        services.TryAddSingleton<CaseFeedLag>();
        services.TryAddSingleton<AfterSalesMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetricsStartup>());
        return services;
    }
}
