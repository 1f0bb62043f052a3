using AfterSales.CaseList;
using AfterSales.Hosting;
using AfterSales.Silo.Hosting;
using AfterSales.Silo.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>A three-silo cluster of its own, with the Cluster-mode membership timing (<see cref="MembershipTimingOptions"/>
/// defaults), for tests that kill and stop silos: the shared <see cref="ClusterFixture"/> must keep its silos.</summary>
/// <remarks>Grain state lives in one memory store outside the silos, so a killed silo loses its activations but not what
/// they wrote, as with PostgreSQL.</remarks>
public sealed class FailoverClusterFixture : IAsyncLifetime
{
    public const string Region = "failover";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public MemoryGrainData Storage { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The timing under test: the production defaults.</summary>
    public static MembershipTimingOptions Membership { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{AfterSalesOptions.SectionName}:CaseNumberPrefix"] = "AS",
                [$"{AfterSalesOptions.SectionName}:Regions:0"] = Region,
            });
            host.Services.AddAfterSalesGrains(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Configure<ClusterMembershipOptions>(Membership.ApplyTo);
            silo.AddMemoryGrainStore(StorageNames.Main, Storage);
            silo.UseInMemoryReminderService();
            silo.AddCaseFeed();
            silo.Services.AddSingleton<ICaseListStore>(new MemoryCaseListStore(Storage));
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(new ClientTimingOptions().ApplyTo));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
