using System.Text.RegularExpressions;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed partial class PlatformGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task FiveHundredConcurrentCaseNumbersAreAllDistinctAndWellFormed()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync()));

        Assert.Equal(500, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, n => Assert.Matches(CaseNumber(), n));
        Assert.All(numbers, n => Assert.StartsWith($"AS-{fixture.Clock.GetUtcNow().Year}-", n));
    }

    [Fact]
    public async Task ABlockGrainNeverHandsOutTheSameRangeTwice()
    {
        var block = fixture.Grains.GetGrain<ICaseNumberBlockGrain>(Scenario.NewId("year"));

        var first = await block.ReserveAsync(100);
        var second = await block.ReserveAsync(100);

        Assert.Equal((1L, 101L), (first, second));
    }

    [Fact]
    public async Task AnIdempotencyKeyBindsItsFirstResourceAndSpotsADifferentBody()
    {
        var key = fixture.Grains.GetGrain<IIdempotencyGrain>(GrainKeys.Idempotency("cases", Guid.NewGuid().ToString("N")));

        var fresh = await key.ClaimAsync("hash-a", "AS-2026-000001");
        var replay = await key.ClaimAsync("hash-a", "AS-2026-000002");
        var mismatch = await key.ClaimAsync("hash-b", "AS-2026-000003");

        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Fresh, "AS-2026-000001"), fresh);
        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Replay, "AS-2026-000001"), replay);
        Assert.Equal(new IdempotencyClaim(IdempotencyOutcome.Mismatch, "AS-2026-000001"), mismatch);
    }

    [Fact]
    public async Task TheHealthProbeWritesAndReturnsTheTimeOfTheWrite()
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var now = fixture.Clock.GetUtcNow();

        var probed = await fixture.Grains.GetGrain<IHealthProbeGrain>(Scenario.NewId("probe")).ProbeAsync();

        Assert.Equal(now, probed);
    }

    [GeneratedRegex(@"^AS-\d{4}-\d{6}$")]
    private static partial Regex CaseNumber();
}
