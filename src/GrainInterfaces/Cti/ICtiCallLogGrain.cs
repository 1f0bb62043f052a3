using System.Collections.Immutable;

namespace AfterSales.Cti;

/// <summary>The calls that started on one UTC day and hash to one shard (key: <see cref="CtiKeys.LogShard(DateOnly, int)"/>, e.g.
/// <c>2026-12-01/3</c>), one row each: the calls write here, never one grain for every call.</summary>
[Alias("AfterSales.ICtiCallLogGrain")]
public interface ICtiCallLogGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a call's line; an older revision than the one held changes nothing.</summary>
    [Alias("Record")]
    Task RecordAsync(CtiCallLogEntry entry);

    /// <summary>Every line of the shard, in no particular order.</summary>
    [Alias("GetEntries"), ReadOnly]
    Task<ImmutableArray<CtiCallLogEntry>> GetEntriesAsync();
}
