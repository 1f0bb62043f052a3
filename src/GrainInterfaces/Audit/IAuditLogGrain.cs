namespace AfterSales.Audit;

/// <summary>One hour and shard of the audit record (key: <see cref="AuditKeys.Log"/>, e.g. <c>2026-12-01T11/3</c>),
/// one stored row per entry. Append-only: there is no way to change or remove an entry.</summary>
[Alias("AfterSales.Audit.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Stores the entry; durable when it returns. An id already held is kept as it was (a retried append
    /// changes nothing). Concurrent appends share one write.</summary>
    [AlwaysInterleave, Alias("Append")]
    Task AppendAsync(AuditEntry entry);

    /// <summary>The entries of this shard that match the query, newest first, at most its limit.</summary>
    [ReadOnly, AlwaysInterleave, Alias("Query")]
    Task<System.Collections.Immutable.ImmutableArray<AuditEntry>> QueryAsync(AuditQuery query);
}
