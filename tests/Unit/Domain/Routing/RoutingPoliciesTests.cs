using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class RoutingPoliciesTests
{
    [Fact]
    public void DefaultWeightsMakeFieldVisitsHeaviest()
    {
        var policy = RoutingPolicies.Default(Noon);

        Assert.Equal(
            [1, 2, 2, 3, 3, 2],
            new[] { CaseType.Consultation, CaseType.Complaint, CaseType.Fault, CaseType.Installation, CaseType.Maintenance, CaseType.Problem }
                .Select(t => RoutingPolicies.WeightOf(policy, t)));
        Assert.Equal((RoutingStrategy.LeastLoaded, 1), (policy.DefaultStrategy, policy.Version));
        Assert.Equal(TimeSpan.FromMinutes(10), policy.RelaxationDelay);
    }

    [Fact]
    public void APolicyWeightOverridesTheDefaultAndMissingTypesKeepIt()
    {
        var policy = RoutingPolicies.Default(Noon) with { Weights = [new(CaseType.Fault, 5)] };

        Assert.Equal(5, RoutingPolicies.WeightOf(policy, CaseType.Fault));
        Assert.Equal(3, RoutingPolicies.WeightOf(policy, CaseType.Maintenance));
        Assert.Equal(
            [(CaseType.Consultation, 1), (CaseType.Fault, 5), (CaseType.Complaint, 2), (CaseType.Installation, 3), (CaseType.Maintenance, 3),
                (CaseType.Problem, 2)],
            RoutingPolicies.CompleteWeights(policy.Weights).Select(w => (w.Type, w.Weight)));
    }

    [Fact]
    public void ARegionsOwnStrategyBeatsTheDepartmentsWhichBeatsTheDefault()
    {
        var policy = RoutingPolicies.Default(Noon) with
        {
            DefaultStrategy = RoutingStrategy.LeastLoaded,
            Strategies =
            [
                new(Department.Maintenance, "east", RoutingStrategy.BestSkillMatch),
                new(Department.Maintenance, null, RoutingStrategy.RoundRobin),
            ],
        };

        Assert.Equal(RoutingStrategy.BestSkillMatch, RoutingPolicies.StrategyFor(policy, Department.Maintenance, "east"));
        Assert.Equal(RoutingStrategy.RoundRobin, RoutingPolicies.StrategyFor(policy, Department.Maintenance, "west"));
        Assert.Equal(RoutingStrategy.LeastLoaded, RoutingPolicies.StrategyFor(policy, Department.Installation, "east"));
    }

    [Fact]
    public void NeighboursAreListedPerRegionAndNoneByDefault()
    {
        var policy = RoutingPolicies.Default(Noon) with { Neighbours = [new("east", ["west", "north"])] };

        Assert.Equal(["west", "north"], RoutingPolicies.NeighboursOf(policy, "east").ToArray());
        Assert.Empty(RoutingPolicies.NeighboursOf(policy, "west"));
        Assert.Empty(RoutingPolicies.NeighboursOf(RoutingPolicies.Default(Noon), "east"));
    }
}
