using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace AfterSales.Silo.Storage.Memory;

/// <summary>Grain storage and event log in memory, on the same base as the durable providers
/// (<see cref="RowBackedGrainStorage"/>): state serialized with the same serializer (so what is not serializable fails
/// here too), the version checked on every write, rows and events of an <see cref="IRowBackedState"/> applied with the
/// record or not at all. Only the reading and the applying of one write are its own. For tests and benchmarks.</summary>
/// <remarks>A lifecycle participant with nothing to do, so that it can replace a durable provider registered under
/// the same name, whose registration subscribes that name's storage to the silo lifecycle (the in-process benchmark
/// does this).</remarks>
public sealed class MemoryGrainStore(MemoryGrainData data, IGrainStorageSerializer serializer, string name = "memory", ILogger? logger = null)
    : RowBackedGrainStorage(name, "memory", serializer, logger ?? NullLogger.Instance), IEventLog, ILifecycleParticipant<ISiloLifecycle>
{
    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        lock (data.Gate)
        {
            IReadOnlyList<StoredEvent> page = data.Streams.TryGetValue((streamType, streamId), out var stream)
                ? [.. stream.Where(e => e.Event.Sequence > afterSequence).Take(limit)]
                : [];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        lock (data.Gate)
        {
            // Positions are 1-based indexes into the list.
            var start = (int)Math.Clamp(afterPosition, 0, data.Events.Count);
            IReadOnlyList<StoredEvent> page = data.Events.GetRange(start, Math.Min(limit, data.Events.Count - start));
            return Task.FromResult(page);
        }
    }

    public Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default)
    {
        lock (data.Gate)
        {
            if (!data.Streams.TryGetValue((streamType, streamId), out var stream))
            {
                return Task.CompletedTask;
            }
            foreach (var rewrite in rewrites)
            {
                // Sequences are 1, 2, 3… without gaps and positions 1-based indexes into the global list.
                if (rewrite.Sequence < 1 || rewrite.Sequence > stream.Count)
                {
                    continue;
                }
                var held = stream[(int)rewrite.Sequence - 1];
                var rewritten = held with { Event = held.Event with { Data = rewrite.Data } };
                stream[(int)rewrite.Sequence - 1] = rewritten;
                data.Events[(int)held.Position - 1] = rewritten;
            }
        }
        return Task.CompletedTask;
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
    }

    private protected override Task<StoredState?> ReadAsync(GrainStateKey key, bool withRows)
    {
        var id = key.ToString();
        lock (data.Gate)
        {
            if (!data.Records.TryGetValue(id, out var record))
            {
                return Task.FromResult<StoredState?>(null);
            }
            IReadOnlyList<StoredRow> rows = withRows && data.Rows.TryGetValue(id, out var stored)
                ? [.. stored.Select(row => new StoredRow(row.Key.Collection, row.Key.Key, row.Value))]
                : [];
            return Task.FromResult<StoredState?>(new StoredState(record.Version, record.Payload, rows));
        }
    }

    private protected override Task<WriteOutcome> WriteAsync(GrainStateKey key, long? expectedVersion, byte[]? payload, StateChanges changes)
    {
        var id = key.ToString();
        lock (data.Gate)
        {
            var stored = data.Records.TryGetValue(id, out var record) ? record.Version : (long?)null;
            if (stored != expectedVersion)
            {
                return Task.FromResult(new WriteOutcome(WriteStatus.VersionConflict, 0, stored, null));
            }
            if (payload is not null && EventConflict(changes, key.GrainKey) is { } conflict)
            {
                return Task.FromResult(new WriteOutcome(WriteStatus.EventConflict, 0, stored, conflict));
            }
            var version = (stored ?? 0) + 1;
            data.Records[id] = new MemoryGrainData.StoredRecord(version, payload);
            if (payload is null)
            {
                // A clear removes the rows; the journal stays.
                data.Rows.Remove(id);
                return Task.FromResult(new WriteOutcome(WriteStatus.Applied, version, null, null));
            }
            ApplyRows(id, changes.Rows);
            Append(changes, key.GrainKey);
            return Task.FromResult(new WriteOutcome(WriteStatus.Applied, version, null, null));
        }
    }

    private void ApplyRows(string id, IReadOnlyList<RowChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        if (!data.Rows.TryGetValue(id, out var rows))
        {
            data.Rows[id] = rows = [];
        }
        foreach (var change in changes)
        {
            if (change.Payload is null)
            {
                rows.Remove((change.Collection, change.Key));
            }
            else
            {
                rows[(change.Collection, change.Key)] = change.Payload;
            }
        }
    }

    /// <summary>Why the events cannot be appended (they do not follow the stream, or repeat an event id — what the
    /// databases' constraints refuse), or null when they can.</summary>
    private string? EventConflict(StateChanges changes, string streamId)
    {
        if (changes.Events.Count == 0)
        {
            return null;
        }
        var last = data.Streams.TryGetValue((changes.StreamType!, streamId), out var stream) && stream.Count > 0 ? stream[^1].Event.Sequence : 0;
        if (changes.SequenceBefore != last)
        {
            return $"the events start after {changes.SequenceBefore}, the stream ends at {last}";
        }
        var seen = new HashSet<Guid>();
        foreach (var journalEvent in changes.Events)
        {
            if (data.EventIds.Contains(journalEvent.EventId) || !seen.Add(journalEvent.EventId))
            {
                return $"event id {journalEvent.EventId} is already stored";
            }
        }
        return null;
    }

    private void Append(StateChanges changes, string streamId)
    {
        if (changes.Events.Count == 0)
        {
            return;
        }
        var streamKey = (changes.StreamType!, streamId);
        if (!data.Streams.TryGetValue(streamKey, out var stream))
        {
            data.Streams[streamKey] = stream = [];
        }
        foreach (var journalEvent in changes.Events)
        {
            var stored = new StoredEvent(data.Events.Count + 1, changes.StreamType!, streamId, journalEvent);
            data.Events.Add(stored);
            data.EventIds.Add(journalEvent.EventId);
            stream.Add(stored);
        }
    }
}
