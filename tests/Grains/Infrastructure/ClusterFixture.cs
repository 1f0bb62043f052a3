using System.Globalization;
using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// One two-silo in-process cluster shared by every grain test: memory grain storage under the production
/// provider name, in-memory reminders, the production grain registrations, and many regions so that every
/// test can route in a region of its own (department grains are shared by everything in a region).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int RegionCount = 60;

    private int _regionsTaken;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>A region no other test uses, so departments start empty.</summary>
    public string NewRegion()
    {
        var n = Interlocked.Increment(ref _regionsTaken);
        if (n > RegionCount)
        {
            throw new InvalidOperationException($"All {RegionCount} test regions are taken; raise ClusterFixture.RegionCount.");
        }
        return Region(n);
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(Settings());
            host.Services.AddAfterSalesGrains(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Main);
            silo.UseInMemoryReminderService();
        });
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

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{AfterSalesOptions.SectionName}:CaseNumberPrefix"] = "AS",
        };
        for (var i = 1; i <= RegionCount; i++)
        {
            settings[$"{AfterSalesOptions.SectionName}:Regions:{i - 1}"] = Region(i);
        }
        return settings;
    }

    private static string Region(int n) => string.Create(CultureInfo.InvariantCulture, $"r{n:D2}");
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
