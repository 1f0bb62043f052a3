using AfterSales.Silo.Hosting;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Storage;

/// <summary>A silo stopped and started again on the same database finds the grain state and the reminders it had.</summary>
public sealed class RestartTests
{
    [Fact]
    public Task EmbeddedSqliteStorageKeepsStateAndRemindersAcrossARestart() => WithEmbedded(EmbeddedStorageKind.Sqlite);

    [Fact]
    public Task EmbeddedAdoNetSqliteStorageKeepsStateAndRemindersAcrossARestart() => WithEmbedded(EmbeddedStorageKind.AdoNetSqlite);

    [PostgresFact]
    public async Task ClusterSiloOnPostgresKeepsStateAndRemindersAcrossARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"restart-{Guid.NewGuid():N}";
        await KeepsStateAndReminders(() => TestHosts.Cluster(database.ConnectionString, clusterId));
    }

    [Theory]
    [InlineData(EmbeddedStorageKind.Sqlite)]
    [InlineData(EmbeddedStorageKind.AdoNetSqlite)]
    public async Task EmbeddedSiloStoresGrainStateWithTheOrleansBinarySerializer(EmbeddedStorageKind kind)
    {
        using var directory = new TempDirectory();
        var host = await TestHosts.StartAsync(TestHosts.Embedded(directory.Path, $"serializer-{Guid.NewGuid():N}", kind));
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

    private static async Task WithEmbedded(EmbeddedStorageKind kind)
    {
        using var directory = new TempDirectory();
        var serviceId = $"restart-{Guid.NewGuid():N}";
        await KeepsStateAndReminders(() => TestHosts.Embedded(directory.Path, serviceId, kind));
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

    private static IGrainFactory Grains(IHost host) => host.Services.GetRequiredService<IGrainFactory>();
}
