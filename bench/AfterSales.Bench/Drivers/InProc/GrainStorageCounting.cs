using AfterSales.Bench.Stats;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>Puts a <see cref="CountingGrainStorage"/> around whichever grain storage is registered under a name, and
/// registers the <see cref="GrainStorageCounts"/> it fills.</summary>
internal static class GrainStorageCounting
{
    /// <summary>Wraps the last keyed <see cref="IGrainStorage"/> registration named <paramref name="name"/>: call it after
    /// every storage registration, since the last one is the one grains get.</summary>
    public static IServiceCollection CountGrainStorage(this IServiceCollection services, string name)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"No grain storage is registered under '{name}'.");
        var index = services.IndexOf(registered);
        services.TryAddCounts();
        services[index] = ServiceDescriptor.KeyedSingleton<IGrainStorage>(name, (provider, key) =>
            new CountingGrainStorage(Create(registered, provider, key), provider.GetRequiredService<GrainStorageCounts>()));
        return services;
    }

    private static void TryAddCounts(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(GrainStorageCounts)))
        {
            services.AddSingleton<GrainStorageCounts>();
        }
    }

    private static IGrainStorage Create(ServiceDescriptor registered, IServiceProvider provider, object? key) =>
        registered.KeyedImplementationInstance as IGrainStorage
        ?? registered.KeyedImplementationFactory?.Invoke(provider, key) as IGrainStorage
        ?? (registered.KeyedImplementationType is { } type ? (IGrainStorage)ActivatorUtilities.CreateInstance(provider, type) : null)
        ?? throw new InvalidOperationException($"The grain storage registered under '{key}' could not be created.");
}
