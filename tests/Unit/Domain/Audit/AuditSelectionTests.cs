using AfterSales.Audit;
using AfterSales.Domain.Audit;

namespace AfterSales.Tests.Unit.Domain.Audit;

public sealed class AuditSelectionTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(DateTimeOffset at, string id, string actor = "u") =>
        new(id, at, actor, AuditPrincipal.User, "CreateCase", "POST", "cases", "AS-1", 201, "t", null);

    private static AuditQuery Query(DateTimeOffset from, DateTimeOffset to, AuditPosition? before = null, string? actor = null) =>
        new(from, to, actor, null, null, null, 10, before);

    [Fact]
    public void HoursRunFromTheHourBeforeTheEndDownToTheHourOfTheStart()
    {
        Assert.Equal([Noon.AddHours(1), Noon], AuditSelection.Hours(Query(Noon.AddMinutes(30), Noon.AddHours(2))));
        Assert.Equal([Noon], AuditSelection.Hours(Query(Noon, Noon.AddMinutes(1))));
    }

    [Fact]
    public void ACursorStartsTheHoursAtItsOwnHourAndACursorBeforeTheRangeReadsNone()
    {
        var query = Query(Noon, Noon.AddHours(5), new AuditPosition(Noon.AddMinutes(90), "b"));
        Assert.Equal([Noon.AddHours(1), Noon], AuditSelection.Hours(query));
        Assert.Empty(AuditSelection.Hours(Query(Noon, Noon.AddHours(5), new AuditPosition(Noon.AddMinutes(-1), "b"))));
    }

    [Fact]
    public void EntriesAreTakenNewestFirstTiesByIdAfterTheCursorWithinTheRange()
    {
        var entries = new[]
        {
            Entry(Noon, "a"), Entry(Noon, "c"), Entry(Noon, "b"), Entry(Noon.AddMinutes(1), "a"), Entry(Noon.AddHours(1), "z"),
            Entry(Noon.AddMinutes(-1), "y"),
        };

        Assert.Equal(["a", "c", "b", "a"], AuditSelection.Take(entries, Query(Noon, Noon.AddHours(1)), 10).Select(e => e.Id));
        Assert.Equal(["a", "c"], AuditSelection.Take(entries, Query(Noon, Noon.AddHours(1)), 2).Select(e => e.Id));
        Assert.Equal(["b", "a"], AuditSelection.Take(entries, Query(Noon, Noon.AddHours(1), new AuditPosition(Noon, "c")), 10).Select(e => e.Id));
    }

    [Fact]
    public void TheOutcomeIsTheClassOfTheStatus()
    {
        Assert.Equal(
            [AuditOutcome.Success, AuditOutcome.Success, AuditOutcome.ClientError, AuditOutcome.ClientError, AuditOutcome.ServerError],
            new[] { 200, 304, 400, 429, 503 }.Select(status => (Entry(Noon, "a") with { Status = status }).Outcome));
    }

    [Fact]
    public void ShardsAreStableAndSpread()
    {
        var ids = Enumerable.Range(0, 800).Select(i => Guid.CreateVersion7(Noon.AddMilliseconds(i)).ToString("N")).ToList();
        var perShard = ids.GroupBy(AuditKeys.ShardOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(AuditKeys.Shards, perShard.Count);
        Assert.All(perShard.Values, count => Assert.InRange(count, 50, 150));
        // FNV-1a, not string.GetHashCode (randomised per process): every process puts an id in the same shard.
        Assert.Equal(5, AuditKeys.ShardOf("0123456789abcdef0123456789abcdef"));
        Assert.Equal("2026-12-01T12/3", AuditKeys.Log(AuditKeys.HourOf(Noon.AddMinutes(59)), 3));
    }
}
