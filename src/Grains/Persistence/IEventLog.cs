namespace AfterSales.Persistence;

/// <summary>Reads the journal events the grain storage appended. Registered by the host beside the grain storage
/// (the same database); grains read their own stream through it, consumers follow every stream.</summary>
public interface IEventLog
{
    /// <summary>The events of one stream with a sequence above <paramref name="afterSequence"/>, in sequence order,
    /// at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Events of every stream with a position above <paramref name="afterPosition"/>, in position order, at
    /// most <paramref name="limit"/>. With concurrent writers (PostgreSQL) a lower position can become visible after a
    /// higher one: a consumer resumes a little before its checkpoint and de-duplicates by event id.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default);
}
