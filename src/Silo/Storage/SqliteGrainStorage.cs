using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>Grain storage in a local SQLite file for the embedded silo: a single writer with group commit
/// (<see cref="SqliteStateWriter"/>), pooled readers (<see cref="SqliteStateReaders"/>), optimistic concurrency on an
/// integer version exposed as the ETag, and state serialized by the silo's <see cref="IGrainStorageSerializer"/>.
/// A row is identified by service id, grain type, grain key and state name.</summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
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
        var stored = _readers.Read(KeyOf(stateName, grainId));
        if (stored is { } row)
        {
            grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = row.Payload is not null;
            grainState.State = row.Payload is { } payload
                ? _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)) ?? Activator.CreateInstance<T>()
                : Activator.CreateInstance<T>();
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await SubmitAsync(stateName, grainId, grainState.ETag, payload);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await SubmitAsync(stateName, grainId, grainState.ETag, payload: null);
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
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

    private async Task<string> SubmitAsync(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        var key = KeyOf(stateName, grainId);
        long? expected = null;
        if (etag is not null)
        {
            if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InconsistentStateException($"Grain state {key} has an ETag this storage did not issue.", "unknown", etag);
            }
            expected = version;
        }
        var outcome = await _writer.SubmitAsync(new PendingWrite(key, expected, payload), CancellationToken.None);
        if (!outcome.Applied)
        {
            var stored = outcome.StoredVersion?.ToString(CultureInfo.InvariantCulture) ?? "none";
            LogVersionConflict(_logger, _name, key.GrainType, key.StateName, etag ?? "none", stored);
            throw new InconsistentStateException(
                $"Version conflict writing grain state {key} in storage '{_name}': expected ETag '{etag ?? "none"}', stored '{stored}'.",
                stored, etag ?? "none");
        }
        return outcome.Version.ToString(CultureInfo.InvariantCulture);
    }

    private GrainStateKey KeyOf(string stateName, GrainId grainId) =>
        new(_serviceId, grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    [LoggerMessage(1, LogLevel.Information, "SQLite grain storage {Name} started (synchronous={Synchronous}, batch up to {MaxBatchSize})")]
    private static partial void LogStarted(ILogger logger, string name, SqliteSynchronousMode synchronous, int maxBatchSize);

    [LoggerMessage(2, LogLevel.Warning, "Grain state version conflict in storage {Name}: {GrainType} state {StateName}, expected {Expected}, stored {Stored}")]
    private static partial void LogVersionConflict(ILogger logger, string name, string grainType, string stateName, string expected, string stored);
}
