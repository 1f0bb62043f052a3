using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class RoutingPolicyValidatorTests
{
    private static readonly ImmutableArray<string> Regions = ["east", "west"];

    private static List<PolicyError> Errors(RoutingPolicy policy) => [.. RoutingPolicyValidator.Validate(policy, Regions)];

    [Fact]
    public void TheDefaultPolicyAndAFullOneAreValid()
    {
        var full = RoutingPolicies.Default(Noon) with
        {
            Rules = [new("hx", CaseType.Fault, "HX-200", "hydraulics", [Needs("hydraulics", 3)], [Needs("english", 2)])],
            Strategies = [new(Department.Maintenance, "east", RoutingStrategy.RoundRobin), new(Department.Maintenance, null, RoutingStrategy.BestSkillMatch)],
            Neighbours = [new("east", ["west"])],
        };

        Assert.Empty(Errors(RoutingPolicies.Default(Noon)));
        Assert.Empty(Errors(full));
    }

    [Fact]
    public void RuleErrorsNameTheExactField()
    {
        var policy = RoutingPolicies.Default(Noon) with
        {
            Rules =
            [
                new("ok", CaseType.Fault, null, null, [Needs("hydraulics", 3)], []),
                new("bad", null, " ", "noise", [Needs("hydraulics", 6), Needs("Hydraulics", 2)], [Needs("", 1)]),
                new("ok", null, null, null, [], []),
            ],
        };

        Assert.Equal(
            [
                "rules[1].deviceModel",
                "rules[1].required[0].minLevel",
                "rules[1].required[1].name",
                "rules[1].optional[0].name",
                "rules[2].required",
                "rules[2].id",
            ],
            Errors(policy).Select(e => e.Field));
    }

    [Fact]
    public void WeightsStrategiesNeighboursAndThresholdsAreChecked()
    {
        var policy = RoutingPolicies.Default(Noon) with
        {
            Weights = [new(CaseType.Fault, 0), new(CaseType.Fault, 2)],
            DefaultStrategy = (RoutingStrategy)9,
            Strategies = [new(Department.Maintenance, "mars", RoutingStrategy.RoundRobin), new(Department.Maintenance, "mars", RoutingStrategy.RoundRobin)],
            Neighbours = [new("east", ["east", "west", "west", "pluto"])],
            Overflow = new OverflowThresholds(0, TimeSpan.Zero),
            RelaxationDelay = TimeSpan.FromDays(8),
        };

        var errors = Errors(policy);

        Assert.Equal(
            [
                "weights[0].weight",
                "weights[1].type",
                "defaultStrategy",
                "strategies[0].region",
                "strategies[1].region",
                "strategies[1]",
                "neighbours[0].neighbours[0]",
                "neighbours[0].neighbours[2]",
                "neighbours[0].neighbours[3]",
                "overflow.queueLength",
                "overflow.oldestWait",
                "relaxationDelay",
            ],
            errors.Select(e => e.Field));
        Assert.Equal("Region 'pluto' is not served; served regions: east, west.", errors[8].Message);
    }
}
