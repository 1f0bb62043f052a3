using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>How a durable provider is registered: named options checked at start, the silo's state serializer as the
/// default, the storage under its name, and the same instance as the silo's <see cref="IEventLog"/>.</summary>
internal static class RowBackedStorageRegistration
{
    public static ISiloBuilder AddRowBackedStorage<TStorage, TOptions, TValidator>(
        this ISiloBuilder builder, string name, Action<TOptions> configure, Func<IServiceProvider, string, TOptions, TStorage> create)
        where TStorage : RowBackedGrainStorage, IEventLog
        where TOptions : class, IStorageProviderSerializerOptions
        where TValidator : class, IValidateOptions<TOptions>
    {
        var services = builder.Services;
        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<TOptions>, DefaultStorageProviderSerializerOptionsConfigurator<TOptions>>());
        // Typed as TStorage, so a provider that is a lifecycle participant is subscribed to the silo lifecycle.
        services.AddGrainStorage(name, (provider, storageName) =>
            create(provider, storageName, provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(storageName)));
        services.AddSingleton<IEventLog>(provider => (IEventLog)provider.GetRequiredKeyedService<IGrainStorage>(name));
        return builder;
    }
}
