using System.Net;
using AfterSales.CaseList;
using AfterSales.Hosting;
using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage.CaseList;
using AfterSales.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AfterSales.Silo.Hosting;

/// <summary>Cluster mode: a silo of a multi-silo cluster, everything on PostgreSQL with the project's scripts (applied
/// at start): membership and reminders through the Orleans ADO.NET providers, grain state and the event journal through
/// the project's own <see cref="PostgresGrainStorage"/> (which is also the silo's event log).</summary>
internal static class ClusterSilo
{
    public static HostingSummary Configure(ISiloBuilder silo, HostingOptions hosting, string connectionString)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(hosting.Membership.ApplyTo);
        silo.Services.AddOptions<GrainDirectoryOptions>()
            .Configure<IOptions<ClusterMembershipOptions>>((directory, membership) => hosting.Membership.ApplyTo(directory, membership.Value));
        UseStrongGrainDirectory(silo);
        UnorderedGrainCalls.Register(silo.Services);
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
        silo.AddPostgresGrainStorage(StorageNames.Main, o => o.ConnectionString = connectionString);
        silo.AddCaseFeed();
        silo.Services.AddSingleton<ICaseListStore>(provider => new PostgresCaseListStore(
            connectionString, provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
        if (hosting.Kubernetes)
        {
            // The address stays AdvertisedAddress (the manifests set it to the pod's IP); Kubernetes adds the pod-name
            // silo names, the ids of the pod's labels, and declares a silo dead when its pod is deleted.
            silo.UseKubernetesHosting();
        }
        return new HostingSummary(HostingMode.Cluster, hosting.ClusterId, hosting.ServiceId, "PostgreSQL (records, rows and event journal)", "AdoNet on PostgreSQL");
    }

    /// <summary>The strongly consistent in-cluster directory instead of the default DHT one: while silos join or leave,
    /// the DHT can activate a grain a second time (a lookup in a range moved to another silo finds nothing until the
    /// handoff), and two activations of a technician diverge — a rolling restart under load had cases refused a start
    /// with "no longer holds case" by the stale one. The distributed directory moves ranges under a view change and
    /// makes lookups wait for it, so there is one activation per grain. Marked experimental by Orleans (ORLEANSEXP003)
    /// since 9.x; the fault tests (rolling, scale, failover) hold it to zero lost and zero refused writes.</summary>
    private static void UseStrongGrainDirectory(ISiloBuilder silo)
    {
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
    }
}
