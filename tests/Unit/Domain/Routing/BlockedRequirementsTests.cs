using AfterSales.Domain.Routing;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class BlockedRequirementsTests
{
    [Fact]
    public void ACaseAtLeastAsHardAsABlockedOneIsBlockedToo()
    {
        var blocked = new BlockedRequirements();
        blocked.Add(2, [Needs("hydraulics", 3)]);

        Assert.True(blocked.Covers(2, [Needs("hydraulics", 3)]));
        Assert.True(blocked.Covers(3, [Needs("Hydraulics", 4), Needs("english", 1)]));
        Assert.False(blocked.Covers(1, [Needs("hydraulics", 3)]));
        Assert.False(blocked.Covers(2, [Needs("hydraulics", 2)]));
        Assert.False(blocked.Covers(2, [Needs("electrics", 3)]));
    }

    [Fact]
    public void ACaseWithoutRequirementsBlocksEveryHeavierCase()
    {
        var blocked = new BlockedRequirements();
        blocked.Add(2, []);

        Assert.True(blocked.Covers(2, [Needs("hydraulics", 1)]));
        Assert.False(blocked.Covers(1, []));
    }

    [Fact]
    public void OptionalSkillsCountUntilRelaxed()
    {
        Assert.Equal([Needs("a", 1), Needs("b", 2)], BlockedRequirements.Effective([Needs("a", 1)], [Needs("b", 2)], relaxed: false).ToArray());
        Assert.Equal([Needs("a", 1)], BlockedRequirements.Effective([Needs("a", 1)], [Needs("b", 2)], relaxed: true).ToArray());
    }
}
