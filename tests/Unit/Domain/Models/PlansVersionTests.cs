using AfterSales.Domain.Models;
using AfterSales.Models;
using static AfterSales.Tests.Unit.Domain.Models.ModelFixtures;

namespace AfterSales.Tests.Unit.Domain.Models;

public sealed class PlansVersionTests
{
    private static readonly DateTimeOffset Later = Noon.AddDays(1);

    private static ProductModel Defined() => ProductModels.Define("HX-200", Definition(), null, Noon);

    [Fact]
    public void AFirstDefinitionIsPlansVersionOne()
    {
        Assert.Equal(1, Defined().PlansVersion);
    }

    [Fact]
    public void ARedefinitionWithTheSamePlansKeepsThePlansVersionWhileTheModelsVersionMoves()
    {
        var redefined = ProductModels.Define("HX-200", Definition() with { Name = "Heat pump HX-200 (2027)" }, Defined(), Later);

        Assert.Equal((2, 1), (redefined.Version, redefined.PlansVersion));
    }

    [Theory]
    [InlineData("interval")]
    [InlineData("task")]
    [InlineData("added")]
    [InlineData("removed")]
    public void ARedefinitionThatChangesAddsOrRemovesAPlanMovesThePlansVersion(string change)
    {
        var annual = Definition().MaintenancePlans[0];
        MaintenancePlanTemplate[] plans = change switch
        {
            "interval" => [annual with { IntervalDays = 180 }],
            "task" => [annual with { Tasks = ["Clean the filter"] }],
            "added" => [annual, new MaintenancePlanTemplate("monthly", "Monthly check", 0, [], 20) { IntervalMonths = 1 }],
            _ => [],
        };

        var redefined = ProductModels.Define("HX-200", Definition() with { MaintenancePlans = [.. plans] }, Defined(), Later);

        Assert.Equal(2, redefined.PlansVersion);
    }

    [Fact]
    public void SolutionsAddedOrCountedLeaveThePlansVersion()
    {
        var used = ProductModels.CountUse(Defined(), "E42-1", Later)!;

        Assert.Equal((2, 1), (used.Version, used.PlansVersion));
    }
}
