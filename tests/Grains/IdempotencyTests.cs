using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Idempotency records answer replays for the retention, then the key is new; the expiry lists remove the
/// records at the end of their window, page by page, without touching any other key.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdempotencyTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Retention = ClusterFixture.IdempotencyRetention;

    [Fact]
    public async Task AReplayInsideTheRetentionAnswersTheFirstResource()
    {
        var key = NewKey();
        await key.ClaimAsync("hash-a", "R-1");

        fixture.Clock.Advance(Retention - TimeSpan.FromSeconds(1));
        var replay = await key.ClaimAsync("hash-a", "R-2");
        var mismatch = await key.ClaimAsync("hash-b", "R-3");

        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Replay, "R-1"), replay);
        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Mismatch, "R-1"), mismatch);
    }

    [Fact]
    public async Task AfterTheRetentionTheKeyIsNewEvenForAnotherBody()
    {
        var key = NewKey();
        await key.ClaimAsync("hash-a", "R-1");

        fixture.Clock.Advance(Retention);
        var again = await key.ClaimAsync("hash-b", "R-2");

        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Fresh, "R-2"), again);
        Assert.Equal("R-2", (await key.GetAsync())!.ResourceId);
    }

    [Fact]
    public async Task ACaseNumberIsTakenByTheFirstClaimOnlyAndANewOneAfterTheRetention()
    {
        var key = NewKey();

        var first = await key.ClaimCaseNumberAsync("hash-a");
        var replays = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => key.ClaimCaseNumberAsync("hash-a")));
        var mismatch = await key.ClaimCaseNumberAsync("hash-b");
        fixture.Clock.Advance(Retention);
        var later = await key.ClaimCaseNumberAsync("hash-a");

        Assert.Equal(IdempotencyOutcome.Fresh, first.Outcome);
        Assert.StartsWith("AS-", first.ResourceId, StringComparison.Ordinal);
        Assert.All(replays, replay => Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Replay, first.ResourceId), replay));
        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Mismatch, first.ResourceId), mismatch);
        Assert.Equal(IdempotencyOutcome.Fresh, later.Outcome);
        Assert.NotEqual(first.ResourceId, later.ResourceId);
    }

    [Fact]
    public async Task TheRecordIsListedInTheWindowWhereItsRetentionEnds()
    {
        var key = NewKey();
        var claimedAt = fixture.Clock.GetUtcNow();

        await key.ClaimAsync("hash-a", "R-1");

        var record = (await key.GetAsync())!;
        Assert.Equal(claimedAt, record.ClaimedAt);
        Assert.Equal(claimedAt + Retention, record.ExpiresAt);
        Assert.True(record.ExpiryWindowEnd >= record.ExpiresAt);
        Assert.True(record.ExpiryWindowEnd - record.ExpiresAt < ClusterFixture.IdempotencyExpiryWindow);
        Assert.Equal(0, (record.ExpiryWindowEnd - DateTimeOffset.UnixEpoch).Ticks % ClusterFixture.IdempotencyExpiryWindow.Ticks);
    }

    [Fact]
    public async Task TheSweepRemovesExpiredRecordsOnlyOnceItsWindowHasEnded()
    {
        // Other tests may leave the shared clock on a round moment: a retention ending exactly on a window's end would
        // already be swept by the first sweep below, which this test expects to remove nothing.
        if ((fixture.Clock.GetUtcNow() + Retention - DateTimeOffset.UnixEpoch).Ticks % ClusterFixture.IdempotencyExpiryWindow.Ticks == 0)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var keys = Enumerable.Range(0, 3).Select(_ => NewKey()).ToArray();
        foreach (var key in keys)
        {
            await key.ClaimAsync("hash-a", "R-1");
        }
        var records = await Task.WhenAll(keys.Select(async key => (Key: key, Record: (await key.GetAsync())!)));

        fixture.Clock.Advance(Retention);
        await Task.WhenAll(records.Select(r => ExpiryListOf(r.Key, r.Record).SweepAsync()));
        var early = await Task.WhenAll(keys.Select(key => key.GetAsync()));
        fixture.Clock.Advance(records.Max(r => r.Record.ExpiryWindowEnd) - fixture.Clock.GetUtcNow());
        await Task.WhenAll(records.Select(r => ExpiryListOf(r.Key, r.Record).SweepAsync()));

        Assert.All(early, record => Assert.NotNull(record));
        Assert.All(await Task.WhenAll(keys.Select(key => key.GetAsync())), record => Assert.Null(record));
    }

    [Fact]
    public async Task AKeyClaimedAgainAfterItsRetentionSurvivesTheSweepOfItsFirstWindow()
    {
        var key = NewKey();
        await key.ClaimAsync("hash-a", "R-1");
        var first = (await key.GetAsync())!;

        fixture.Clock.Advance(Retention);
        await key.ClaimAsync("hash-b", "R-2");
        fixture.Clock.Advance(first.ExpiryWindowEnd - fixture.Clock.GetUtcNow());
        await ExpiryListOf(key, first).SweepAsync();

        var second = await key.GetAsync();
        Assert.Equal("R-2", second?.ResourceId);
        Assert.True(second!.ExpiryWindowEnd > first.ExpiryWindowEnd);
        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Replay, "R-2"), await key.ClaimAsync("hash-b", "R-3"));
    }

    [Fact]
    public async Task AListLongerThanAPageIsSealedPageByPageAndSweptWhole()
    {
        // Keys of one partition, claimed at one moment, so they share one list: more than a page of them.
        var partition = 0;
        var keys = new List<IIdempotencyGrain>();
        while (keys.Count < IdempotencyExpiryGrain.PageSize + 40)
        {
            var name = GrainKeys.Idempotency("tests", Guid.NewGuid().ToString("N"));
            if (ShardKeys.StableHash(name) % IdempotencyGrain.ExpiryPartitions == partition)
            {
                keys.Add(fixture.Grains.GetGrain<IIdempotencyGrain>(name));
            }
        }

        await Task.WhenAll(keys.Select(key => key.ClaimAsync("hash-a", "R-1")));
        var records = await Task.WhenAll(keys.Select(key => key.GetAsync()));
        var windowEnd = Assert.Single(records.Select(r => r!.ExpiryWindowEnd).Distinct());
        fixture.Clock.Advance(windowEnd - fixture.Clock.GetUtcNow());
        await fixture.Grains.GetGrain<IIdempotencyExpiryGrain>(GrainKeys.IdempotencyExpiry(windowEnd, partition)).SweepAsync();

        Assert.All(await Task.WhenAll(keys.Select(key => key.GetAsync())), record => Assert.Null(record));
    }

    private IIdempotencyGrain NewKey() =>
        fixture.Grains.GetGrain<IIdempotencyGrain>(GrainKeys.Idempotency("tests", Guid.NewGuid().ToString("N")));

    private IIdempotencyExpiryGrain ExpiryListOf(IIdempotencyGrain key, IdempotencyRecord record) =>
        fixture.Grains.GetGrain<IIdempotencyExpiryGrain>(GrainKeys.IdempotencyExpiry(record.ExpiryWindowEnd,
            (int)(ShardKeys.StableHash(key.GetPrimaryKeyString()) % IdempotencyGrain.ExpiryPartitions)));
}
