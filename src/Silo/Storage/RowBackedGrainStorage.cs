using System.Data.Common;
using AfterSales.Common;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>What the durable providers share: a state is a versioned record (the version is the ETag) plus, for an
/// <see cref="IRowBackedState"/>, its rows and its new journal events, written together or not at all. A derived
/// provider only reads a record with its rows and submits one write.</summary>
public abstract partial class RowBackedGrainStorage : IGrainStorage
{
    private readonly ILogger _logger;

    private protected RowBackedGrainStorage(string name, string serviceId, IGrainStorageSerializer serializer, ILogger logger)
    {
        Name = name;
        ServiceId = serviceId;
        Serializer = serializer;
        _logger = logger;
    }

    private protected string Name { get; }

    private protected string ServiceId { get; }

    private protected IGrainStorageSerializer Serializer { get; }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        StoredState? stored;
        try
        {
            stored = await ReadAsync(key, RowBackedStates.HasRows<T>());
        }
        catch (DbException exception)
        {
            throw Unavailable("read", key, exception);
        }
        grainState.ETag = stored is null ? null : StateVersions.ToETag(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
        grainState.State = stored?.Payload is { } payload
            ? Serializer.Deserialize<T>(new BinaryData(payload)) ?? Activator.CreateInstance<T>()
            : Activator.CreateInstance<T>();
        RowBackedStates.Load(grainState.State, stored?.Rows ?? [], Serializer);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var payload = Serializer.Serialize(grainState.State).ToArray();
        var changes = RowBackedStates.Capture(grainState.State, Serializer, key.GrainKey);
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

    /// <summary>The record (with its rows when <paramref name="withRows"/>, both from one snapshot), or null when the
    /// state was never written. Rows never outlive their record: a cleared state has none.</summary>
    private protected abstract Task<StoredState?> ReadAsync(GrainStateKey key, bool withRows);

    /// <summary>Applies a write (or a clear, when <paramref name="payload"/> is null, which removes every row) if the
    /// stored version is <paramref name="expectedVersion"/>; otherwise applies nothing of it.</summary>
    private protected abstract Task<WriteOutcome> WriteAsync(GrainStateKey key, long? expectedVersion, byte[]? payload, StateChanges changes);

    private async Task<string> SubmitAsync(GrainStateKey key, string? etag, byte[]? payload, StateChanges changes)
    {
        WriteOutcome outcome;
        try
        {
            outcome = await WriteAsync(key, StateVersions.Parse(etag, key), payload, changes);
        }
        catch (DbException exception)
        {
            throw Unavailable("write", key, exception);
        }
        if (!outcome.Applied)
        {
            LogRefused(_logger, Name, key.GrainType, key.StateName, outcome.Status, etag ?? "none", outcome.StoredVersion);
            throw StateVersions.Refused(outcome, key, Name, etag);
        }
        return StateVersions.ToETag(outcome.Version);
    }

    /// <summary>The driver's exception is logged here, in full, and replaced by one that can cross to a client (the
    /// driver's types have no Orleans codec, so a client would otherwise see a serialization failure instead).</summary>
    private StorageUnavailableException Unavailable(string operation, GrainStateKey key, DbException exception)
    {
        LogUnavailable(_logger, exception, Name, operation, key.GrainType, key.StateName);
        return new StorageUnavailableException(
            $"The grain storage could not {operation} the state ({exception.GetType().Name}: {exception.Message}); nothing was applied.");
    }

    /// <summary>Runs a read of the event log, reporting a driver failure as the state reads do: logged here, and
    /// replaced by a <see cref="StorageUnavailableException"/> a client can receive (the API answers it 503).</summary>
    private protected async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string stream, Func<Task<IReadOnlyList<StoredEvent>>> read)
    {
        try
        {
            return await read();
        }
        catch (DbException exception)
        {
            LogEventsUnavailable(_logger, exception, Name, stream);
            throw new StorageUnavailableException(
                $"The event log could not be read ({exception.GetType().Name}: {exception.Message}).");
        }
    }

    private GrainStateKey KeyOf(string stateName, GrainId grainId) =>
        new(ServiceId, grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    [LoggerMessage(2, LogLevel.Error, "Grain storage {Name} could not {Operation} {GrainType} state {StateName}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string name, string operation, string grainType, string stateName);

    [LoggerMessage(3, LogLevel.Error, "Grain storage {Name} could not read the event log ({Stream})")]
    private static partial void LogEventsUnavailable(ILogger logger, Exception exception, string name, string stream);

    [LoggerMessage(1, LogLevel.Warning, "Grain state write refused in storage {Name}: {GrainType} state {StateName}, {Status}, expected {Expected}, stored {Stored}")]
    private static partial void LogRefused(ILogger logger, string name, string grainType, string stateName, WriteStatus status, string expected, long? stored);
}
