using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>Registers <see cref="SqliteGrainStorage"/> as a named grain-storage provider and as the silo's
/// <see cref="IEventLog"/>.</summary>
public static class SqliteGrainStorageExtensions
{
    /// <summary>Adds a <see cref="SqliteGrainStorage"/> named <paramref name="name"/>, which is also the event log of the
    /// silo; its schema must be applied to the file before the silo starts.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        var services = builder.Services;
        services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteGrainStorageOptions>, SqliteGrainStorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SqliteGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>());
        services.AddGrainStorage(name, static (provider, storageName) => new SqliteGrainStorage(
            storageName,
            provider.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(storageName),
            provider.GetRequiredService<IOptions<ClusterOptions>>(),
            provider.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        services.AddSingleton<IEventLog>(provider => (IEventLog)provider.GetRequiredKeyedService<IGrainStorage>(name));
        return builder;
    }
}
