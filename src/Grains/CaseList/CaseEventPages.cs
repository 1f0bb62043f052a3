using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Domain.CaseList;
using AfterSales.Persistence;

namespace AfterSales.CaseList;

/// <summary>Splits a page of the journal into the case events of each feed partition, for the readers that read the
/// journal once for many consumers (the case list's and the webhooks').</summary>
internal static class CaseEventPages
{
    /// <summary>Partition → its case events of <paramref name="page"/>, in position order; partitions without any are absent.</summary>
    public static Dictionary<int, ImmutableArray<CatchUpEvent>> ByPartition(IReadOnlyList<StoredEvent> page) =>
        page
            .Where(e => e.StreamType == CaseState.StreamType)
            .GroupBy(e => FeedPartitions.Of(e.StreamId))
            .ToDictionary(g => g.Key, g => g.Select(e => new CatchUpEvent(e.StreamId, e.Position, e.Event)).ToImmutableArray());
}
