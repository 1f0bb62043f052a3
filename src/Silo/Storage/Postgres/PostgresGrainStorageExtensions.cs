using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>Registers <see cref="PostgresGrainStorage"/> as a named grain-storage provider and as the silo's
/// <see cref="IEventLog"/>.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>Adds a <see cref="PostgresGrainStorage"/> named <paramref name="name"/>, which is also the event log of
    /// the silo; its schema must be applied to the database before the first write.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresGrainStorageOptions> configure) =>
        builder.AddRowBackedStorage<PostgresGrainStorage, PostgresGrainStorageOptions, PostgresGrainStorageOptionsValidator>(name, configure,
            static (provider, storageName, options) => new PostgresGrainStorage(storageName, options,
                provider.GetRequiredService<IOptions<ClusterOptions>>(), provider.GetRequiredService<ILogger<PostgresGrainStorage>>()));
}
