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
    /// <summary>The least time between two commits of the case list's file (docs/CASE-LIST.md, "Lag").</summary>
    internal static readonly TimeSpan CaseListCommitInterval = TimeSpan.FromMilliseconds(100);

    public const string DatabaseFileName = "aftersales.db";

    /// <summary>The case list's own file (a projection of the journal, rebuilt from it if deleted).</summary>
    public const string CaseListFileName = "caselist.db";

    public static HostingSummary Configure(ISiloBuilder silo, HostingOptions hosting)
    {
        var directory = Path.GetFullPath(hosting.DataDirectory);
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, DatabaseFileName);
        var caseListPath = Path.Combine(directory, CaseListFileName);
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
        var caseListConnectionString = new SqliteConnectionStringBuilder(connectionString) { DataSource = caseListPath }.ToString();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => new SchemaMigrationParticipant(
            "sqlite-case-list",
            cancellationToken => new SqliteSchemaMigrator(provider.GetRequiredService<ILogger<SqliteSchemaMigrator>>())
                .MigrateAsync(caseListConnectionString, cancellationToken, SqlDialect.SqliteCaseList)));

        silo.UseBinaryGrainStateSerializer();
        silo.AddSqliteGrainStorage(StorageNames.Main, o =>
        {
            o.DatabasePath = databasePath;
            o.Synchronous = hosting.SqliteSynchronous;
            o.BusyTimeout = busyTimeout;
        });

        // The case list lives in a file of its own with a writer of its own (docs/CASE-LIST.md): made when the first
        // feed consumer asks for it, after the migration of the silo's first stage. Its commits are not synced
        // (synchronous=NORMAL): what a power cut takes from it is rebuilt from the journal, which is. Its commits are at
        // least CaseListCommitInterval apart: sixteen partitions saving on timers of their own made ~160 small
        // transactions a second at 500 cases/s, each writing the same index and text-index pages into the log again.
        silo.AddCaseFeed();
        silo.Services.AddSingleton(provider => new SqliteCommandWriter(caseListPath, SqliteSynchronousMode.Normal, busyTimeout, "case-list",
            provider.GetRequiredService<ILogger<SqliteCommandWriter>>(), CaseListCommitInterval));
        silo.Services.AddSingleton<ICaseListStore>(provider => new SqliteCaseListStore(
            caseListPath, databasePath, provider.GetRequiredService<SqliteCommandWriter>(),
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
            $"SQLite, records, rows and event journal ({databasePath}, synchronous={hosting.SqliteSynchronous}); case list ({caseListPath})",
            $"AdoNet on SQLite ({databasePath})");
    }
}
