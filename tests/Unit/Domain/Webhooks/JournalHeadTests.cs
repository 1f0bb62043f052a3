using AfterSales.Persistence;
using AfterSales.Webhooks;

namespace AfterSales.Tests.Unit.Domain.Webhooks;

public sealed class JournalHeadTests
{
    /// <summary>A journal holding events at the given positions; counts the reads.</summary>
    private sealed class Positions(params long[] positions) : IEventLog
    {
        public int Reads { get; private set; }

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
        {
            Reads++;
            IReadOnlyList<StoredEvent> page = [.. positions.Where(p => p > afterPosition).Order().Take(limit)
                .Select(p => new StoredEvent(p, "case", "AS-1", new JournalEvent(Guid.CreateVersion7(), 1, DateTimeOffset.UnixEpoch, "system", "opened", "{}")))];
            return Task.FromResult(page);
        }
    }

    [Fact]
    public async Task AnEmptyJournalHasHeadZero() => Assert.Equal(0, await JournalHead.FindAsync(new Positions()));

    [Theory]
    [InlineData(new long[] { 1 }, 1)]
    [InlineData(new long[] { 1, 2, 3 }, 3)]
    [InlineData(new long[] { 5, 9, 1000, 1001, 77_777 }, 77_777)]
    [InlineData(new long[] { 64 }, 64)]
    public async Task FindsTheHighestPositionThroughGapsAndPowersOfTwo(long[] positions, long head) =>
        Assert.Equal(head, await JournalHead.FindAsync(new Positions(positions)));

    [Fact]
    public async Task TakesLogarithmicallyManyReads()
    {
        var journal = new Positions([.. Enumerable.Range(1, 1_000_000).Select(i => (long)i)]);

        Assert.Equal(1_000_000, await JournalHead.FindAsync(journal));
        Assert.InRange(journal.Reads, 1, 45);
    }
}
