using AfterSales.Audit;
using AfterSales.Tests.Storage.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Storage;

/// <summary>The audit record survives a restart on both durable stores: entries appended through the shard grains are
/// read back, in order, by a silo started again on the same SQLite file or PostgreSQL database.</summary>
public sealed class AuditRestartTests
{
    [Fact]
    public async Task EmbeddedSiloKeepsTheAuditRecordAcrossARestart()
    {
        using var directory = new TempDirectory();
        var serviceId = $"audit-{Guid.NewGuid():N}";
        await KeepsTheRecord(() => TestHosts.Embedded(directory.Path, serviceId));
    }

    [PostgresFact]
    public async Task ClusterSiloOnPostgresKeepsTheAuditRecordAcrossARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = $"audit-{Guid.NewGuid():N}";
        await KeepsTheRecord(() => TestHosts.Cluster(database.ConnectionString, clusterId));
    }

    private static async Task KeepsTheRecord(Func<Dictionary<string, string?>> settings)
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 12)
            .Select(i => new AuditEntry(Guid.CreateVersion7(at.AddMinutes(i * 10)).ToString("N"), at.AddMinutes(i * 10), "admin-1",
                AuditPrincipal.User, "EraseCustomer", "POST", "customers", $"C-{i}", 200, Guid.NewGuid().ToString("N"), null))
            .ToList();
        var query = new AuditQuery(at, at.AddHours(3), null, null, null, null, 100, null);

        var first = await TestHosts.StartAsync(settings());
        try
        {
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            await Task.WhenAll(entries.Select(e => grains.GetGrain<IAuditLogGrain>(AuditKeys.LogOf(e)).AppendAsync(e)));
        }
        finally
        {
            await TestHosts.StopAsync(first);
        }

        var second = await TestHosts.StartAsync(settings());
        try
        {
            var page = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditReaderGrain>(0).ReadAsync(query);
            Assert.Equal(entries.AsEnumerable().Reverse(), page.Entries);
            Assert.Null(page.Next);
        }
        finally
        {
            await TestHosts.StopAsync(second);
        }
    }
}
