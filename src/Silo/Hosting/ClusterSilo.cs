using System.Net;
using AfterSales.Silo.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AfterSales.Silo.Hosting;

/// <summary>Cluster mode: a silo of a multi-silo cluster; membership, grain state and reminders on PostgreSQL through
/// the Orleans ADO.NET providers and the project's PostgreSQL scripts (applied at start).</summary>
internal static class ClusterSilo
{
    public static HostingSummary Configure(ISiloBuilder silo, HostingOptions hosting, string connectionString)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });
        if (hosting.AdvertisedAddress is { Length: > 0 } address)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(address), hosting.SiloPort, hosting.GatewayPort, hosting.ListenOnAnyHostAddress);
        }
        else
        {
            silo.ConfigureEndpoints(hosting.SiloPort, hosting.GatewayPort, listenOnAnyHostAddress: hosting.ListenOnAnyHostAddress);
        }

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => new SchemaMigrationParticipant(
            "postgresql",
            cancellationToken => new PostgresSchemaMigrator(provider.GetRequiredService<ILogger<PostgresSchemaMigrator>>())
                .MigrateAsync(connectionString, cancellationToken)));

        silo.UseBinaryGrainStateSerializer();
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageNames.Main, o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
        return new HostingSummary(HostingMode.Cluster, hosting.ClusterId, hosting.ServiceId, "AdoNet on PostgreSQL", "AdoNet on PostgreSQL");
    }
}
