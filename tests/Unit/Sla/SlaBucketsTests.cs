using AfterSales.Domain.Routing;
using AfterSales.Sla.Scheduling;

namespace AfterSales.Tests.Unit.Sla;

public sealed class SlaBucketsTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    [Fact]
    public void AnInstantIsKeptInTheSlotThatHoldsItAndTheShardOfItsCase()
    {
        var due = new SlaInstant("AS-2027-000042", new DateTimeOffset(2027, 3, 1, 14, 7, 30, TimeSpan.Zero));

        var key = SlaBuckets.KeyOf(due, Quarter, 16);

        Assert.Equal($"20270301T140000Z/{ShardKeys.ShardOf(due.CaseNumber, 16)}", key);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 14, 0, 0, TimeSpan.Zero), SlaBuckets.SlotOf(key));
    }

    [Fact]
    public void ACaseKeepsItsShardAcrossSlotsAndAnInstantOnABoundaryStartsItsSlot()
    {
        var boundary = new SlaInstant("AS-2027-000042", new DateTimeOffset(2027, 3, 1, 14, 15, 0, TimeSpan.Zero));
        var earlier = boundary with { FireAt = boundary.FireAt.AddTicks(-1) };

        var (later, before) = (SlaBuckets.KeyOf(boundary, Quarter, 16), SlaBuckets.KeyOf(earlier, Quarter, 16));

        Assert.Equal(("20270301T141500Z", "20270301T140000Z"), (later.Split('/')[0], before.Split('/')[0]));
        Assert.Equal(later.Split('/')[1], before.Split('/')[1]);
    }
}
