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

    /// <summary>Replaces the data of the given events of one stream, all in one transaction; a sequence the stream does
    /// not hold is skipped. The journal is otherwise append-only: this exists for the GDPR erase, which must make the
    /// personal texts of events written before it unreadable on every path that reads the journal (history, webhooks,
    /// a case-list rebuild). Id, sequence, position, time, actor and kind stay, so consumers' checkpoints and
    /// de-duplication are unaffected.</summary>
    Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default);
}
