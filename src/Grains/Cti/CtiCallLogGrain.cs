using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Cti;

/// <summary>The call log of one day and shard: one row per call, written only when a call's revision moves on.</summary>
/// <remarks>Awaits no grain; calls await it.</remarks>
internal sealed class CtiCallLogGrain(
    [PersistentState("ctiCallLog", StorageNames.Main)] IPersistentState<CtiCallLogState> state) : Grain, ICtiCallLogGrain
{
    public async Task RecordAsync(CtiCallLogEntry entry)
    {
        var calls = state.State.Calls;
        if (calls.TryGetValue(entry.CallId, out var held) && held.Revision >= entry.Revision)
        {
            return;
        }
        calls.Set(entry.CallId, entry);
        state.State.Writes++;
        await state.WriteOrResetAsync(this);
    }

    public Task<ImmutableArray<CtiCallLogEntry>> GetEntriesAsync() =>
        Task.FromResult<ImmutableArray<CtiCallLogEntry>>([.. state.State.Calls.Values]);
}
