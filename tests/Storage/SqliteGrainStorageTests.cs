using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace AfterSales.Tests.Storage;

/// <summary>Properties of the group-commit SQLite storage beyond the common contract, on a storage built directly
/// (no silo) over a migrated file.</summary>
public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private ServiceProvider? _services;

    private string DatabasePath => Path.Combine(_directory.Path, "aftersales.db");

    public async Task InitializeAsync()
    {
        await new SqliteSchemaMigrator(NullLogger<SqliteSchemaMigrator>.Instance)
            .MigrateAsync($"Data Source={DatabasePath};Pooling=False", CancellationToken.None);
        _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        _directory.Dispose();
    }

    [Fact]
    public async Task KeepsTwoGrainTypesWithTheSameKeyAndStateNameApart()
    {
        await using var storage = Start();
        var key = $"shared-{Guid.NewGuid():N}";
        await storage.WriteStateAsync("probe", GrainId.Create("customer", key), new GrainState<ProbeState>(new ProbeState { Value = "customer" }));
        await storage.WriteStateAsync("probe", GrainId.Create("technician", key), new GrainState<ProbeState>(new ProbeState { Value = "technician" }));

        Assert.Equal("customer", (await ReadAsync(storage, GrainId.Create("customer", key))).State!.Value);
        Assert.Equal("technician", (await ReadAsync(storage, GrainId.Create("technician", key))).State!.Value);
    }

    [Fact]
    public async Task AnAcknowledgedWriteIsCommittedAndVisibleToAnotherConnection()
    {
        await using var storage = Start();
        var id = GrainId.Create("probe", $"ack-{Guid.NewGuid():N}");

        await storage.WriteStateAsync("probe", id, new GrainState<ProbeState>(new ProbeState { Value = "acknowledged" }));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM grain_state WHERE grain_key = $key";
        command.Parameters.AddWithValue("$key", id.Key.ToString());
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task CommitsQueuedWritesOnStopAndThenRefusesNewOnes()
    {
        var storage = Start();
        var ids = Enumerable.Range(0, 100).Select(i => GrainId.Create("probe", $"stop-{i}-{Guid.NewGuid():N}")).ToArray();
        var writes = ids.Select(id => storage.WriteStateAsync("probe", id, new GrainState<ProbeState>(new ProbeState { Value = "queued" }))).ToArray();

        await storage.DisposeAsync();
        await Task.WhenAll(writes);

        await using var reopened = Start();
        foreach (var id in ids)
        {
            Assert.Equal("queued", (await ReadAsync(reopened, id)).State!.Value);
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.WriteStateAsync("probe", ids[0], new GrainState<ProbeState>(new ProbeState())));
    }

    [Fact]
    public async Task RefusesAnETagItDidNotIssue()
    {
        await using var storage = Start();
        var state = new GrainState<ProbeState>(new ProbeState { Value = "x" }, "not-a-version");

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("probe", GrainId.Create("probe", $"etag-{Guid.NewGuid():N}"), state));
    }

    [Fact]
    public async Task CommitsLeaveTheLogToTheCheckpointerPastSqlitesThousandPageThreshold()
    {
        // The checkpointer's first round is a minute away: whatever is copied during the test, a commit copied.
        await using var storage = Start(TimeSpan.FromMinutes(1));
        var payload = new string('x', 8_000);
        await Task.WhenAll(Enumerable.Range(0, 1_500).Select(i =>
            storage.WriteStateAsync("probe", GrainId.Create("probe", $"wal-{i}-{Guid.NewGuid():N}"),
                new GrainState<ProbeState>(new ProbeState { Value = payload }))));

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        var (busy, logFrames, copied) = SqliteCheckpointer.CheckpointOnce(connection);

        // With SQLite's default, the commit crossing 1,000 pages would have copied the log and restarted it.
        Assert.True(logFrames > 2_000, $"the log holds {logFrames} frames");
        Assert.False(busy);
        Assert.Equal(logFrames, copied);
    }

    [Fact]
    public void TheOptionsValidatorRefusesANegativeCheckpointIntervalAndATinyBackstop()
    {
        var result = new SqliteGrainStorageOptionsValidator().Validate("main", new SqliteGrainStorageOptions
        {
            DatabasePath = DatabasePath,
            CheckpointInterval = TimeSpan.FromMilliseconds(-1),
            WalAutoCheckpointPages = 10,
        });

        Assert.Contains(result.Failures!, f => f.Contains("CheckpointInterval", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("WalAutoCheckpointPages", StringComparison.Ordinal));
    }

    private SqliteGrainStorage Start(TimeSpan? checkpointInterval = null)
    {
        var options = new SqliteGrainStorageOptions
        {
            DatabasePath = DatabasePath,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(_services!.GetRequiredService<Serializer>()),
        };
        if (checkpointInterval is { } interval)
        {
            options.CheckpointInterval = interval;
        }
        var storage = new SqliteGrainStorage("test", options, Options.Create(new ClusterOptions { ServiceId = "sqlite-tests" }),
            NullLogger<SqliteGrainStorage>.Instance);
        storage.Start();
        return storage;
    }

    private static async Task<GrainState<ProbeState>> ReadAsync(SqliteGrainStorage storage, GrainId id)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync("probe", id, state);
        return state;
    }
}
