using AfterSales.Common;
using AfterSales.Silo.Storage.Postgres;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace AfterSales.Tests.Storage;

/// <summary>What a client sees when the database cannot serve a grain: an exception that crosses the grain boundary
/// (the driver's own cannot) and says nothing was applied; and a connection pool that cannot exhaust a stock server.</summary>
public sealed class StorageUnavailableTests : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public async Task AReadFromAnUnreachableDatabaseFailsWithAStorageUnavailableError()
    {
        await using var storage = Unreachable();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.ReadStateAsync("probe", NewGrainId(), new GrainState<ProbeState>(new ProbeState())));

        Assert.Contains("could not read", error.Message);
    }

    [Fact]
    public async Task AWriteToAnUnreachableDatabaseFailsWithAStorageUnavailableErrorAndKeepsTheETag()
    {
        await using var storage = Unreachable();
        var state = new GrainState<ProbeState>(new ProbeState { Value = "v1" });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync("probe", NewGrainId(), state));

        Assert.Contains("nothing was applied", error.Message);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task AnEventLogReadFromAnUnreachableDatabaseFailsWithAStorageUnavailableError()
    {
        await using var storage = Unreachable();

        var stream = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadStreamAsync("case", "CS-1", 0, 10));
        var all = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAllAsync(0, 10));

        Assert.Contains("event log could not be read", stream.Message);
        Assert.Contains("event log could not be read", all.Message);
    }

    [Fact]
    public void TheStorageUnavailableErrorCrossesTheGrainBoundary()
    {
        var serializer = _services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(new StorageUnavailableException("down")));

        Assert.Equal("down", Assert.IsType<StorageUnavailableException>(copy).Message);
    }

    [Theory]
    [InlineData("Host=db;Database=aftersales", 20)]
    [InlineData("Host=db;Database=aftersales;Maximum Pool Size=5", 5)]
    [InlineData("Host=db;Database=aftersales;MaxPoolSize=7", 7)]
    [InlineData("Host=db;Database=aftersales;maximum pool size=9", 9)]
    public void TheStoragePoolIsBoundedUnlessTheConnectionStringSizesIt(string connectionString, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString)).MaxPoolSize);

    [Theory]
    [InlineData("Host=db;Database=aftersales", 64, 2)]
    [InlineData("Host=db;Database=aftersales;Max Auto Prepare=0", 0, 5)]
    [InlineData("Host=db;Database=aftersales;MaxAutoPrepare=10;Auto Prepare Min Usages=3", 10, 3)]
    public void TheStoresPrepareTheirStatementsUnlessTheConnectionStringSaysOtherwise(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var applied = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(maxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(minUsages, applied.AutoPrepareMinUsages);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private PostgresGrainStorage Unreachable() => new("test",
        new PostgresGrainStorageOptions
        {
            // Nobody listens on this port: the connection is refused at once.
            ConnectionString = $"Host=127.0.0.1;Port={FreePorts.Next()};Database=none;Username=none;Timeout=3",
            GrainStorageSerializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
        },
        Options.Create(new ClusterOptions { ServiceId = "svc" }), NullLogger<PostgresGrainStorage>.Instance);

    private static GrainId NewGrainId() => GrainId.Create("probe", $"g-{Guid.NewGuid():N}");
}
