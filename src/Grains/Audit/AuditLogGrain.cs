using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.Audit;
using AfterSales.Persistence;

namespace AfterSales.Audit;

/// <summary>One hour and shard of the audit record. Appends interleave and share a write (<see cref="GroupCommit{TChange}"/>),
/// so a burst of changes through the API costs one storage write per shard, not one each; each append returns only once
/// its row is durable. Rows are only ever added: an id already held keeps its first entry.</summary>
/// <remarks>Awaits no grain; the API and the reader await it.</remarks>
internal sealed class AuditLogGrain(
    [PersistentState("auditLog", StorageNames.Main)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    private GroupCommit<AuditEntry>? _commit;

    private GroupCommit<AuditEntry> Commit => _commit ??= new GroupCommit<AuditEntry>(entries =>
    {
        var added = 0;
        foreach (var entry in entries)
        {
            if (!state.State.Rows.ContainsKey(entry.Id))
            {
                state.State.Rows.Set(entry.Id, entry);
                added++;
            }
        }
        if (added == 0)
        {
            return Task.CompletedTask;
        }
        state.State.Entries += added;
        return state.WriteOrResetAsync(this);
    });

    // Always through the commit, even for an id already held: its row may be in the write under way, and a retried
    // append must return only once that write is durable.
    public Task AppendAsync(AuditEntry entry) => Commit.Submit(entry);

    public Task<ImmutableArray<AuditEntry>> QueryAsync(AuditQuery query) =>
        Task.FromResult<ImmutableArray<AuditEntry>>([.. AuditSelection.Take(state.State.Rows.Values, query, query.Limit)]);
}
