using AfterSales.Domain.Models;
using AfterSales.Models;
using static AfterSales.Tests.Unit.Domain.Models.ModelFixtures;

namespace AfterSales.Tests.Unit.Domain.Models;

public sealed class MeterValidationTests
{
    private static readonly MeterDefinition Hours = new("operatingHours", "h", MeterKind.Counter);
    private static readonly MeterDefinition Temp = new("bearingTemp", "°C", MeterKind.Gauge);

    private static string[] Fields(DefineProductModelRequest request) => [.. ProductModelValidator.Validate(request).Select(e => e.Field)];

    private static ConditionRule Rule(string meter = "bearingTemp", ConditionStatistic statistic = ConditionStatistic.Mean, int window = 5) =>
        new("overheat", meter, statistic, window, ConditionComparison.Above, 90, 1);

    [Fact]
    public void MetersAndRulesOnThemAreValid() =>
        Assert.Empty(Fields(Definition() with { Meters = [Hours, Temp], ConditionRules = [Rule()] }));

    [Fact]
    public void AMeterNameIsListedOnce() =>
        Assert.Equal(["meters[1].name"], Fields(Definition() with { Meters = [Hours, Hours] }));

    [Fact]
    public void ARuleReadsOneOfTheModelsMeters() =>
        Assert.Equal(["conditionRules[0].meter"], Fields(Definition() with { Meters = [Hours], ConditionRules = [Rule()] }));

    [Fact]
    public void ARateOfChangeNeedsAWindowOfTwo() =>
        Assert.Equal(["conditionRules[0].window"],
            Fields(Definition() with { Meters = [Temp], ConditionRules = [Rule(statistic: ConditionStatistic.RateOfChange, window: 1)] }));

    [Fact]
    public void AMeterNeedsAUnit() =>
        Assert.Equal(["meters[0].unit"], Fields(Definition() with { Meters = [Hours with { Unit = " " }] }));
}
