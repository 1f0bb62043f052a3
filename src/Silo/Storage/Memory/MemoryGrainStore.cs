using System.Globalization;
using AfterSales.Persistence;
using Orleans.Serialization;
using Orleans.Storage;

namespace AfterSales.Silo.Storage.Memory;

/// <summary>Grain storage and event log in memory, with the same contract as the durable providers: state
/// serialized (so what is not serializable fails here too), a version checked on every write, rows and events of an
/// <see cref="IRowBackedState"/> applied with the record or not at all. For tests and benchmarks.</summary>
/// <remarks>A lifecycle participant with nothing to do, so that it can replace a durable provider registered under
/// the same name, whose registration subscribes that name's storage to the silo lifecycle (the in-process benchmark
/// does this).</remarks>
public sealed class MemoryGrainStore(MemoryGrainData data, Serializer serializer) : IGrainStorage, IEventLog, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        byte[]? payload = null;
        List<KeyValuePair<(string Collection, string Key), byte[]>> rows = [];
        lock (data.Gate)
        {
            if (data.Records.TryGetValue(key, out var record))
            {
                grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
                payload = record.Payload;
            }
            else
            {
                grainState.ETag = null;
            }
            if (data.Rows.TryGetValue(key, out var stored))
            {
                rows.AddRange(stored);
            }
        }
        grainState.RecordExists = payload is not null;
        grainState.State = payload is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(payload);
        if (grainState.State is IRowBackedState rowBacked)
        {
            foreach (var set in rowBacked.RowSets)
            {
                set.Load(rows.Where(r => r.Key.Collection == set.Name)
                    .Select(r => KeyValuePair.Create(r.Key.Key, serializer.Deserialize<object>(r.Value)!)));
            }
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        var payload = serializer.SerializeToArray(grainState.State);
        var rowBacked = grainState.State as IRowBackedState;
        var changes = rowBacked is null ? [] : RowChanges(rowBacked);
        var journal = rowBacked?.Journal;
        lock (data.Gate)
        {
            var version = CheckVersion(key, grainState.ETag);
            if (journal is { Pending.Count: > 0 })
            {
                CheckAppend(journal, grainId.Key.ToString()!);
            }
            data.Records[key] = new MemoryGrainData.StoredRecord(version, payload);
            if (changes.Count > 0)
            {
                if (!data.Rows.TryGetValue(key, out var rows))
                {
                    data.Rows[key] = rows = [];
                }
                foreach (var (rowKey, bytes) in changes)
                {
                    if (bytes is null)
                    {
                        rows.Remove(rowKey);
                    }
                    else
                    {
                        rows[rowKey] = bytes;
                    }
                }
            }
            if (journal is { Pending.Count: > 0 })
            {
                Append(journal, grainId.Key.ToString()!);
            }
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        }
        grainState.RecordExists = true;
        if (rowBacked is not null)
        {
            foreach (var set in rowBacked.RowSets)
            {
                set.MarkWritten();
            }
            journal?.MarkWritten();
        }
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        lock (data.Gate)
        {
            var version = CheckVersion(key, grainState.ETag);
            data.Records[key] = new MemoryGrainData.StoredRecord(version, null);
            data.Rows.Remove(key);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        }
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

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

    public void Participate(ISiloLifecycle lifecycle)
    {
    }

    private void Append(EventJournal journal, string streamId)
    {
        if (!data.Streams.TryGetValue((journal.StreamType, streamId), out var stream))
        {
            data.Streams[(journal.StreamType, streamId)] = stream = [];
        }
        foreach (var journalEvent in journal.Pending)
        {
            var stored = new StoredEvent(data.Events.Count + 1, journal.StreamType, streamId, journalEvent);
            data.Events.Add(stored);
            data.EventIds.Add(journalEvent.EventId);
            stream.Add(stored);
        }
    }

    // Refuses the whole write, before any of it is applied, when its events do not follow the stream or repeat an
    // event id (what the databases' unique constraints refuse).
    private void CheckAppend(EventJournal journal, string streamId)
    {
        var last = data.Streams.TryGetValue((journal.StreamType, streamId), out var stream) && stream.Count > 0 ? stream[^1].Event.Sequence : 0;
        var seen = new HashSet<Guid>();
        foreach (var journalEvent in journal.Pending)
        {
            if (journalEvent.Sequence != ++last)
            {
                throw new InconsistentStateException(
                    $"Event {journalEvent.Sequence} of {journal.StreamType} {streamId} does not follow {last - 1}.");
            }
            if (data.EventIds.Contains(journalEvent.EventId) || !seen.Add(journalEvent.EventId))
            {
                throw new InconsistentStateException($"Event id {journalEvent.EventId} of {journal.StreamType} {streamId} is already stored.");
            }
        }
    }

    private List<KeyValuePair<(string Collection, string Key), byte[]?>> RowChanges(IRowBackedState state)
    {
        var changes = new List<KeyValuePair<(string, string), byte[]?>>();
        foreach (var set in state.RowSets)
        {
            foreach (var (rowKey, item) in set.PendingChanges)
            {
                changes.Add(KeyValuePair.Create((set.Name, rowKey), item is null ? null : serializer.SerializeToArray<object>(item)));
            }
        }
        return changes;
    }

    private long CheckVersion(string key, string? etag)
    {
        var stored = data.Records.TryGetValue(key, out var record) ? record.Version : (long?)null;
        var expected = etag is null ? (long?)null : long.Parse(etag, CultureInfo.InvariantCulture);
        if (stored != expected)
        {
            throw new InconsistentStateException($"Version conflict on {key}: expected {etag ?? "none"}, stored {stored?.ToString(CultureInfo.InvariantCulture) ?? "none"}.",
                stored?.ToString(CultureInfo.InvariantCulture) ?? "none", etag ?? "none");
        }
        return (stored ?? 0) + 1;
    }

    private static string KeyOf(string stateName, GrainId grainId) => $"{grainId}#{stateName}";
}
