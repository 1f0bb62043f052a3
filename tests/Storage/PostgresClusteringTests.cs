using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace AfterSales.Tests.Storage;

/// <summary>Cluster mode on PostgreSQL: silos find each other through the membership table and a Client-mode
/// process finds their gateways there.</summary>
public sealed class PostgresClusteringTests
{
    [PostgresFact]
    public async Task TwoSilosFormAClusterAndAClientCallsGrainsOnBoth()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var silos = new List<IHost>();
        IHost? client = null;
        try
        {
            // Start the silos one after the other: the first creates the schema, the second finds it applied.
            silos.Add(await TestHosts.StartAsync(TestHosts.Cluster(database.ConnectionString, clusterId)));
            silos.Add(await TestHosts.StartAsync(TestHosts.Cluster(database.ConnectionString, clusterId)));
            var management = silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            await WaitUntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30));

            client = await TestHosts.StartAsync(TestHosts.Client(database.ConnectionString, clusterId));
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var hosts = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 40 && hosts.Count < 2; i++)
            {
                var grain = grains.GetGrain<IProbeGrain>($"cluster-probe-{i}-{Guid.NewGuid():N}");
                await grain.SetAsync($"value-{i}");
                Assert.Equal($"value-{i}", await grain.GetAsync());
                hosts.Add(await grain.WhereAmIAsync());
            }

            Assert.Equal(2, hosts.Count);
            Assert.Equal(2, await database.ScalarAsync($"SELECT count(*) FROM membership WHERE deployment_id = '{clusterId}' AND status = 3"));
            // The directory holds a dead silo's grains 2 s after its declaration (AfterSales:Hosting:Membership:DeadSiloLease),
            // counted by Orleans from the estimated failure: 3 probes of up to 4 s before it.
            Assert.Equal(TimeSpan.FromSeconds(14), silos[0].Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.RangeLeaseDuration);
        }
        finally
        {
            if (client is not null)
            {
                await TestHosts.StopAsync(client);
            }
            foreach (var silo in Enumerable.Reverse(silos))
            {
                await TestHosts.StopAsync(silo);
            }
        }
    }

    [PostgresFact]
    public async Task AClientStartedBeforeAnySiloWaitsAndConnectsOnceOneIsUp()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"late-{Guid.NewGuid():N}";
        var clientStart = TestHosts.StartAsync(TestHosts.Client(database.ConnectionString, clusterId));
        var silo = await TestHosts.StartAsync(TestHosts.Cluster(database.ConnectionString, clusterId));
        try
        {
            var client = await clientStart.WaitAsync(TimeSpan.FromSeconds(60));
            try
            {
                var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IProbeGrain>($"late-{Guid.NewGuid():N}");
                await grain.SetAsync("reached");
                Assert.Equal("reached", await grain.GetAsync());
            }
            finally
            {
                await TestHosts.StopAsync(client);
            }
        }
        finally
        {
            await TestHosts.StopAsync(silo);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }
            await Task.Delay(100);
        }
    }
}
