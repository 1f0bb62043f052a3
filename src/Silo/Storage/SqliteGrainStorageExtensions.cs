using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AfterSales.Silo.Storage;

/// <summary>Registers <see cref="SqliteGrainStorage"/> as a named grain-storage provider and as the silo's
/// <see cref="IEventLog"/>.</summary>
public static class SqliteGrainStorageExtensions
{
    /// <summary>Adds a <see cref="SqliteGrainStorage"/> named <paramref name="name"/>, which is also the event log of the
    /// silo; its schema must be applied to the file before the silo starts.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddRowBackedStorage<SqliteGrainStorage, SqliteGrainStorageOptions, SqliteGrainStorageOptionsValidator>(name, configure,
            static (provider, storageName, options) => new SqliteGrainStorage(storageName, options,
                provider.GetRequiredService<IOptions<ClusterOptions>>(), provider.GetRequiredService<ILogger<SqliteGrainStorage>>()));
}
