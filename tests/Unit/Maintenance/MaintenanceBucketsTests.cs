using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;

namespace AfterSales.Tests.Unit.Maintenance;

public sealed class MaintenanceBucketsTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [InlineData("2027-03-01T14:00:00Z", "2027-03-01T14:00:00Z")]
    [InlineData("2027-03-01T14:59:59.999Z", "2027-03-01T14:00:00Z")]
    [InlineData("2027-03-01T15:00:00Z", "2027-03-01T15:00:00Z")]
    [InlineData("1969-12-31T23:30:00Z", "1969-12-31T23:00:00Z")]
    public void AMomentBelongsToTheSlotItFallsInAndABoundaryStartsASlot(string at, string slotStart)
    {
        Assert.Equal(DateTimeOffset.Parse(slotStart, null), MaintenanceBuckets.SlotStart(DateTimeOffset.Parse(at, null), Hour));
    }

    [Fact]
    public void SlotsAreCountedFromTheEpochWhateverTheOffsetOfTheMoment()
    {
        var berlin = new DateTimeOffset(2027, 3, 1, 15, 20, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 3, 1, 14, 0, 0, TimeSpan.Zero), MaintenanceBuckets.SlotStart(berlin, Hour));
    }

    [Fact]
    public void ABucketKeyNamesItsSlotAndShardAndReadsBack()
    {
        var due = new MaintenanceDue("SN-1", "plan-a", "2027-03", At("2027-03-08T00:00:00Z"), At("2027-03-01T14:25:00Z"));

        var key = MaintenanceBuckets.KeyOf(due, Hour, shards: 16);

        Assert.StartsWith("20270301T140000Z/", key, StringComparison.Ordinal);
        Assert.InRange(int.Parse(key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..], null), 0, 15);
        Assert.Equal(At("2027-03-01T14:00:00Z"), MaintenanceBuckets.SlotOf(key));
    }

    [Fact]
    public void EveryPlanOfADeviceFallsInTheSameShard()
    {
        var fireAt = At("2027-03-01T14:25:00Z");

        var keys = Enumerable.Range(0, 20)
            .Select(i => MaintenanceBuckets.KeyOf(new MaintenanceDue("SN-7", $"plan-{i}", "p", fireAt, fireAt), Hour, shards: 16))
            .Distinct();

        Assert.Single(keys);
    }

    [Fact]
    public void DevicesSpreadOverTheShardsOfASlot()
    {
        var fireAt = At("2027-03-01T14:25:00Z");

        var shards = Enumerable.Range(0, 1000)
            .Select(i => MaintenanceBuckets.KeyOf(new MaintenanceDue($"SN-{i:D6}", "plan-a", "p", fireAt, fireAt), Hour, shards: 16))
            .GroupBy(key => key)
            .ToArray();

        Assert.Equal(16, shards.Length);
        Assert.All(shards, shard => Assert.InRange(shard.Count(), 1000 / 16 / 2, 1000 / 16 * 2));
    }

    [Fact]
    public void TheEntryKeyIsSerialPlanAndPeriodAlone()
    {
        var a = new MaintenanceDue("SN-1", "plan-a", "2027-03", At("2027-03-08T00:00:00Z"), At("2027-03-01T00:00:00Z"));

        Assert.Equal(MaintenanceBuckets.EntryKey(a), MaintenanceBuckets.EntryKey(a with { FireAt = a.FireAt.AddDays(1) }));
        Assert.NotEqual(MaintenanceBuckets.EntryKey(a), MaintenanceBuckets.EntryKey(a with { Period = "2027-04" }));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, null);
}
