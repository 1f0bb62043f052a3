using AfterSales.Persistence;
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
public sealed partial class SqliteGrainStorage : IGrainStorage, IEventLog, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteGrainStorageOptions _options;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly SqliteStateWriter _writer;
    private readonly SqliteStateReaders _readers;
    private int _started;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _serviceId = clusterOptions.Value.ServiceId;
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
            _writer.Start(_name);
            LogStarted(_logger, _name, _options.Synchronous, _options.MaxBatchSize);
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = _readers.Read(KeyOf(stateName, grainId), RowBackedStates.HasRows<T>());
        var serializer = _options.GrainStorageSerializer;
        grainState.ETag = stored is null ? null : StateVersions.ToETag(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
        grainState.State = stored?.Payload is { } payload
            ? serializer.Deserialize<T>(new BinaryData(payload)) ?? Activator.CreateInstance<T>()
            : Activator.CreateInstance<T>();
        RowBackedStates.Load(grainState.State, stored?.Rows ?? [], serializer);
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var serializer = _options.GrainStorageSerializer;
        var payload = serializer.Serialize(grainState.State).ToArray();
        var changes = RowBackedStates.Capture(grainState.State, serializer, key.GrainKey);
        grainState.ETag = await SubmitAsync(key, grainState.ETag, payload, changes);
        grainState.RecordExists = true;
        RowBackedStates.MarkWritten(grainState.State);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await SubmitAsync(KeyOf(stateName, grainId), grainState.ETag, payload: null, StateChanges.None);
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.FromResult(_readers.ReadStream(_serviceId, streamType, streamId, afterSequence, limit));
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.FromResult(_readers.ReadAll(_serviceId, afterPosition, limit));
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            $"{nameof(SqliteGrainStorage)}-{_name}",
            ServiceLifecycleStage.ApplicationServices,
            _ => { Start(); return Task.CompletedTask; },
            async _ => await DisposeAsync());

    /// <summary>Commits what is queued, then closes the writer and the readers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _readers.Dispose();
    }

    private async Task<string> SubmitAsync(GrainStateKey key, string? etag, byte[]? payload, StateChanges changes)
    {
        var expected = StateVersions.Parse(etag, key);
        var outcome = await _writer.SubmitAsync(new PendingWrite(key, expected, payload, changes), CancellationToken.None);
        if (!outcome.Applied)
        {
            LogRefused(_logger, _name, key.GrainType, key.StateName, outcome.Status, etag ?? "none", outcome.StoredVersion);
            throw StateVersions.Refused(outcome, key, _name, etag);
        }
        return StateVersions.ToETag(outcome.Version);
    }

    private GrainStateKey KeyOf(string stateName, GrainId grainId) =>
        new(_serviceId, grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    [LoggerMessage(1, LogLevel.Information, "SQLite grain storage {Name} started (synchronous={Synchronous}, batch up to {MaxBatchSize})")]
    private static partial void LogStarted(ILogger logger, string name, SqliteSynchronousMode synchronous, int maxBatchSize);

    [LoggerMessage(2, LogLevel.Warning, "Grain state write refused in storage {Name}: {GrainType} state {StateName}, {Status}, expected {Expected}, stored {Stored}")]
    private static partial void LogRefused(ILogger logger, string name, string grainType, string stateName, WriteStatus status, string expected, long? stored);
}
