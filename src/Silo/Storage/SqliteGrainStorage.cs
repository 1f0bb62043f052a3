using AfterSales.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>Grain storage and event log in a local SQLite file for the embedded silo: a single writer with group
/// commit (<see cref="SqliteStateWriter"/>), pooled readers (<see cref="SqliteStateReaders"/>), optimistic concurrency
/// on an integer version exposed as the ETag, and state serialized by the silo's <see cref="IGrainStorageSerializer"/>.
/// A state is identified by service id, grain type, grain key and state name; an <see cref="IRowBackedState"/> keeps
/// its rows in <c>grain_row</c> and appends its events to <c>event_journal</c> in the transaction of its record.</summary>
public sealed partial class SqliteGrainStorage : RowBackedGrainStorage, IEventLog, ISqliteCommandQueue, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly SqliteGrainStorageOptions _options;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly SqliteStateWriter _writer;
    private readonly SqliteStateReaders _readers;
    private int _started;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteGrainStorage> logger)
        : base(name, clusterOptions.Value.ServiceId, options.GrainStorageSerializer, logger)
    {
        _options = options;
        _logger = logger;
        var connectionString = SqliteConnectionFactory.ConnectionString(options.DatabasePath, options.BusyTimeout);
        _writer = new SqliteStateWriter(connectionString, options, logger);
        _readers = new SqliteStateReaders(connectionString, options);
    }

    /// <summary>Starts the writer; the silo calls this at its application-services stage.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _writer.Start(Name);
            LogStarted(_logger, Name, _options.Synchronous, _options.MaxBatchSize);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadEventsAsync($"{streamType}/{streamId}",
            () => Task.FromResult<IReadOnlyList<StoredEvent>>(_readers.ReadStream(ServiceId, streamType, streamId, afterSequence, limit)));
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadEventsAsync("all", () => Task.FromResult<IReadOnlyList<StoredEvent>>(_readers.ReadAll(ServiceId, afterPosition, limit)));
    }

    public Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default)
    {
        if (rewrites.Count == 0)
        {
            return Task.CompletedTask;
        }
        // On the file's single writer, in its batch transaction: all of the stream's rewrites or none.
        return _writer.ExecuteAsync(new PendingCommand((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE event_journal SET data = $data
                WHERE service_id = $service AND stream_type = $stream AND stream_id = $id AND sequence = $sequence;
                """;
            command.Parameters.AddWithValue("$service", ServiceId);
            command.Parameters.AddWithValue("$stream", streamType);
            command.Parameters.AddWithValue("$id", streamId);
            var sequence = command.Parameters.Add("$sequence", SqliteType.Integer);
            var data = command.Parameters.Add("$data", SqliteType.Text);
            foreach (var rewrite in rewrites)
            {
                sequence.Value = rewrite.Sequence;
                data.Value = rewrite.Data;
                command.ExecuteNonQuery();
            }
        }), cancellationToken);
    }

    Task ISqliteCommandQueue.ExecuteAsync(Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken) =>
        _writer.ExecuteAsync(new PendingCommand(work), cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            $"{nameof(SqliteGrainStorage)}-{Name}",
            ServiceLifecycleStage.ApplicationServices,
            _ => { Start(); return Task.CompletedTask; },
            async _ => await DisposeAsync());

    /// <summary>Commits what is queued, then closes the writer and the readers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _readers.Dispose();
    }

    private protected override Task<StoredState?> ReadAsync(GrainStateKey key, bool withRows) => Task.FromResult(_readers.Read(key, withRows));

    private protected override Task<WriteOutcome> WriteAsync(GrainStateKey key, long? expectedVersion, byte[]? payload, StateChanges changes) =>
        _writer.SubmitAsync(new PendingWrite(key, expectedVersion, payload, changes), CancellationToken.None);

    [LoggerMessage(1, LogLevel.Information, "SQLite grain storage {Name} started (synchronous={Synchronous}, batch up to {MaxBatchSize})")]
    private static partial void LogStarted(ILogger logger, string name, SqliteSynchronousMode synchronous, int maxBatchSize);
}
