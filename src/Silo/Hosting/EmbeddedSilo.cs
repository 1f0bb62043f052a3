using AfterSales.CaseList;
using AfterSales.Hosting;
using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage.CaseList;
using AfterSales.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace AfterSales.Silo.Hosting;

/// <summary>Embedded mode: one silo in this process, localhost clustering, grain state, the event journal and
/// reminders durable in <c>{DataDirectory}/aftersales.db</c>; the grain storage is also the silo's event log.</summary>
internal static class EmbeddedSilo
{
    public const string DatabaseFileName = "aftersales.db";

    public static HostingSummary Configure(ISiloBuilder silo, HostingOptions hosting)
    {
        var directory = Path.GetFullPath(hosting.DataDirectory);
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, DatabaseFileName);
        var busyTimeout = TimeSpan.FromSeconds(30);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)busyTimeout.TotalSeconds,
        }.ToString();

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });
        silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => new SchemaMigrationParticipant(
            "sqlite",
            cancellationToken => new SqliteSchemaMigrator(provider.GetRequiredService<ILogger<SqliteSchemaMigrator>>())
                .MigrateAsync(connectionString, cancellationToken)));

        silo.UseBinaryGrainStateSerializer();
        silo.AddSqliteGrainStorage(StorageNames.Main, o =>
        {
            o.DatabasePath = databasePath;
            o.Synchronous = hosting.SqliteSynchronous;
            o.BusyTimeout = busyTimeout;
        });

        // The case list lives in the same file and writes through the grain storage's writer (docs/CASE-LIST.md).
        silo.AddCaseFeed();
        silo.Services.AddSingleton<ICaseListStore>(provider => new SqliteCaseListStore(
            databasePath, (ISqliteCommandQueue)provider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));

        // Reminders use Orleans' stock ADO.NET reminder table on the same file, through the project's SQLite script:
        // they are written rarely (register/unregister, not per tick), so the provider's connection-per-call cost does
        // not matter, and reusing its tested range and versioning logic beats a second custom provider.
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariantNames.Sqlite;
            o.ConnectionString = connectionString;
        });

        return new HostingSummary(HostingMode.Embedded, hosting.ClusterId, hosting.ServiceId,
            $"SQLite, records, rows and event journal ({databasePath}, synchronous={hosting.SqliteSynchronous})",
            $"AdoNet on SQLite ({databasePath})");
    }
}
