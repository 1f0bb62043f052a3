using AfterSales.Domain.Routing;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class OfferMemoryTests
{
    [Fact]
    public void RemembersTheLastTechnicianPerCase()
    {
        var offers = new OfferMemory();
        offers.Remember("A", "T1");
        offers.Remember("A", "T2");

        Assert.True(offers.TryGet("A", out var technician));
        Assert.Equal("T2", technician);
        Assert.Equal(1, offers.Count);
    }

    [Fact]
    public void ForgetsTheOldestCasesBeyondItsCapacity()
    {
        var offers = new OfferMemory(capacity: 2);
        offers.Remember("A", "T1");
        offers.Remember("B", "T1");
        offers.Remember("C", "T1");

        Assert.False(offers.TryGet("A", out _));
        Assert.True(offers.TryGet("B", out _));
        Assert.True(offers.TryGet("C", out _));
        Assert.Equal(2, offers.Count);
    }

    [Fact]
    public void ForgetsACaseOnlyForTheTechnicianThatRefusedIt()
    {
        var offers = new OfferMemory();
        offers.Remember("A", "T1");

        offers.ForgetIf("A", "T2");
        Assert.True(offers.TryGet("A", out _));

        offers.ForgetIf("A", "T1");
        Assert.False(offers.TryGet("A", out _));
        Assert.Null(offers.Forget("A"));
    }
}
