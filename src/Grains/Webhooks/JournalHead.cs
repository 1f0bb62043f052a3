using AfterSales.Persistence;

namespace AfterSales.Webhooks;

/// <summary>Finds the journal's highest position through <see cref="IEventLog.ReadAllAsync"/> alone, reading one event
/// per probe: doubling until nothing lies beyond, then halving. About 2·log2(head) indexed reads, done once per
/// subscription created — cheaper than widening the storage contract every store implements.</summary>
internal static class JournalHead
{
    public static async Task<long> FindAsync(IEventLog journal, CancellationToken cancellationToken = default)
    {
        // Invariant: an event is at `low`; none lies above `high`.
        if (await journal.ReadAllAsync(0, 1, cancellationToken) is not [var first])
        {
            return 0;
        }
        var low = first.Position;
        var high = Math.Max(1, low) * 2;
        while (await journal.ReadAllAsync(high, 1, cancellationToken) is [var beyond])
        {
            low = beyond.Position;
            high = low * 2;
        }
        // The head is in [low, high].
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (await journal.ReadAllAsync(middle, 1, cancellationToken) is [var above])
            {
                low = above.Position;
            }
            else
            {
                high = middle;
            }
        }
        // Nothing lies above high, but high itself may hold an event.
        return await journal.ReadAllAsync(low, 1, cancellationToken) is [var last] ? last.Position : low;
    }
}
