using AfterSales.Persistence;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Storage;

/// <summary>A silo stopped and started again on the same database finds the grain state, rows, journal and reminders it
/// had.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task EmbeddedSiloKeepsStateAndRemindersAcrossARestart()
    {
        using var directory = new TempDirectory();
        var serviceId = $"restart-{Guid.NewGuid():N}";
        await KeepsStateAndReminders(() => TestHosts.Embedded(directory.Path, serviceId));
    }

    [PostgresFact]
    public async Task ClusterSiloOnPostgresKeepsStateAndRemindersAcrossARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"restart-{Guid.NewGuid():N}";
        await KeepsStateAndReminders(() => TestHosts.Cluster(database.ConnectionString, clusterId));
    }

    [Fact]
    public async Task EmbeddedSiloKeepsARowBackedStatesRowsAndJournalAcrossARestart()
    {
        using var directory = new TempDirectory();
        var serviceId = $"rows-{Guid.NewGuid():N}";
        await KeepsRowsAndJournal(() => TestHosts.Embedded(directory.Path, serviceId));
    }

    [PostgresFact]
    public async Task ClusterSiloOnPostgresKeepsARowBackedStatesRowsAndJournalAcrossARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"rows-{Guid.NewGuid():N}";
        await KeepsRowsAndJournal(() => TestHosts.Cluster(database.ConnectionString, clusterId));
    }

    [Fact]
    public async Task EmbeddedSiloStoresGrainStateWithTheOrleansBinarySerializer()
    {
        using var directory = new TempDirectory();
        var host = await TestHosts.StartAsync(TestHosts.Embedded(directory.Path, $"serializer-{Guid.NewGuid():N}"));
        try
        {
            var serializer = host.Services.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>();
            Assert.IsType<Orleans.Storage.OrleansGrainStorageSerializer>(serializer);
            // And a state written through it reads back.
            var grain = Grains(host).GetGrain<IProbeGrain>($"serializer-{Guid.NewGuid():N}");
            await grain.SetAsync("binary");
            Assert.Equal("binary", await grain.GetAsync());
        }
        finally
        {
            await TestHosts.StopAsync(host);
        }
    }

    private static async Task KeepsStateAndReminders(Func<Dictionary<string, string?>> settings)
    {
        var key = $"restart-{Guid.NewGuid():N}";
        var first = await TestHosts.StartAsync(settings());
        try
        {
            var grain = Grains(first).GetGrain<IProbeGrain>(key);
            await grain.SetAsync("before restart");
            await grain.SetAsync("still before restart");
            await grain.RegisterReminderAsync("nightly-check");
            await grain.RegisterReminderAsync("weekly-check");
        }
        finally
        {
            await TestHosts.StopAsync(first);
        }

        var second = await TestHosts.StartAsync(settings());
        try
        {
            var grain = Grains(second).GetGrain<IProbeGrain>(key);
            Assert.Equal("still before restart", await grain.GetAsync());
            Assert.Equal(["nightly-check", "weekly-check"], await grain.GetReminderNamesAsync());
            // The reactivated grain holds the stored ETag: it can write again.
            await grain.SetAsync("after restart");
            Assert.Equal("after restart", await grain.GetAsync());
        }
        finally
        {
            await TestHosts.StopAsync(second);
        }
    }

    private static async Task KeepsRowsAndJournal(Func<Dictionary<string, string?>> settings)
    {
        var key = $"rows-{Guid.NewGuid():N}";
        var first = await TestHosts.StartAsync(settings());
        try
        {
            var grain = Grains(first).GetGrain<IRowProbeGrain>(key);
            await grain.SetItemAsync("a", "apple");
            await grain.SetItemAsync("b", "banana");
            await grain.RemoveItemAsync("a");
        }
        finally
        {
            await TestHosts.StopAsync(first);
        }

        var second = await TestHosts.StartAsync(settings());
        try
        {
            var grain = Grains(second).GetGrain<IRowProbeGrain>(key);
            Assert.Equal(["b=banana"], await grain.GetItemsAsync());
            // The journal's last sequence came back with the record: the next event follows it.
            await grain.SetItemAsync("c", "cherry");
            var events = await second.Services.GetRequiredService<IEventLog>().ReadStreamAsync(RowProbeState.StreamType, key, 0, 100);
            Assert.Equal(["item-set", "item-set", "item-removed", "item-set"], events.Select(e => e.Event.Kind));
            Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Event.Sequence));
        }
        finally
        {
            await TestHosts.StopAsync(second);
        }
    }

    private static IGrainFactory Grains(IHost host) => host.Services.GetRequiredService<IGrainFactory>();
}
