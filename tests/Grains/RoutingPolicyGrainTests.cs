using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class RoutingPolicyGrainTests(ClusterFixture fixture)
{
    private IRoutingPolicyGrain Policy => fixture.Grains.GetGrain<IRoutingPolicyGrain>(GrainKeys.RoutingPolicy);

    private static SkillRule Rule(string id, int level = 3) =>
        new(id, CaseType.Fault, null, $"cat-{id}", [new SkillRequirement("hydraulics", level)], []);

    [Fact]
    public async Task ThePolicyIsSeededFromConfigurationWithDefaultWeights()
    {
        var policy = await Policy.GetAsync();

        Assert.Equal(
            [(CaseType.Consultation, 1), (CaseType.Fault, 2), (CaseType.Complaint, 2), (CaseType.Installation, 3), (CaseType.Maintenance, 3),
                (CaseType.Problem, 2)],
            policy.Weights.Select(w => (w.Type, w.Weight)));
        Assert.Equal(RoutingStrategy.LeastLoaded, policy.DefaultStrategy);
        Assert.Equal(new OverflowThresholds(ClusterFixture.OverflowQueueLength, ClusterFixture.OverflowOldestWait), policy.Overflow);
        Assert.Equal(ClusterFixture.RelaxationDelay, policy.RelaxationDelay);
        Assert.True(policy.Version >= 1);
    }

    [Fact]
    public async Task AnInvalidRuleIsRefusedOnItsFieldAndChangesNothing()
    {
        var before = await Policy.GetAsync();

        var result = await Policy.PutRuleAsync(new PutSkillRuleRequest(Rule(Scenario.NewId("rule"), level: 7)));

        Assert.Equal((ErrorKind.Validation, "rule.required[0].minLevel"), (result.Error?.Kind, result.Error?.Field));
        Assert.Equal(before.Version, (await Policy.GetAsync()).Version);
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedAndTheCurrentOneIsAccepted()
    {
        var before = await Policy.GetAsync();
        var id = Scenario.NewId("rule");

        var stale = await Policy.PutRuleAsync(new PutSkillRuleRequest(Rule(id), before.Version - 1));
        var current = await Policy.PutRuleAsync(new PutSkillRuleRequest(Rule(id), before.Version));
        var replaced = await Policy.PutRuleAsync(new PutSkillRuleRequest(Rule(id, level: 4)));

        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal(before.Version + 1, current.Value!.Version);
        Assert.Equal(before.Version + 2, replaced.Value!.Version);
        Assert.Equal(4, Assert.Single(replaced.Value.Rules, r => r.Id == id).Required[0].MinLevel);
    }

    [Fact]
    public async Task RemovingARuleTakesItOutAndAnUnknownRuleIsNotFound()
    {
        var id = Scenario.NewId("rule");
        await Policy.PutRuleAsync(new PutSkillRuleRequest(Rule(id)));

        var removed = await Policy.RemoveRuleAsync(new RemoveSkillRuleRequest(id));
        var again = await Policy.RemoveRuleAsync(new RemoveSkillRuleRequest(id));

        Assert.DoesNotContain(removed.Value!.Rules, r => r.Id == id);
        Assert.Equal((ErrorKind.NotFound, "ruleId"), (again.Error?.Kind, again.Error?.Field));
    }

    [Fact]
    public async Task ReplacingThePolicyValidatesEveryPartAndBumpsTheVersion()
    {
        var policy = await Policy.GetAsync();
        var request = new ReplaceRoutingPolicyRequest(
            policy.Rules, policy.Weights, policy.DefaultStrategy, policy.Strategies, policy.Neighbours, policy.Overflow, policy.RelaxationDelay, policy.Version);

        var invalid = await Policy.ReplaceAsync(request with { Neighbours = policy.Neighbours.Add(new RegionNeighbours("mars", [])) });
        var badWeight = await Policy.ReplaceAsync(request with { Weights = [new CaseTypeWeight(CaseType.Fault, 0)] });
        var replaced = await Policy.ReplaceAsync(request);

        Assert.Equal((ErrorKind.Validation, $"neighbours[{policy.Neighbours.Length}].region"), (invalid.Error?.Kind, invalid.Error?.Field));
        Assert.Equal((ErrorKind.Validation, "weights[0].weight"), (badWeight.Error?.Kind, badWeight.Error?.Field));
        Assert.Equal(policy.Version + 1, replaced.Value!.Version);
        Assert.Equal(policy.Rules.Select(r => r.Id), replaced.Value.Rules.Select(r => r.Id));
    }

    [Fact]
    public async Task AStrategyForAnUnservedRegionIsRefusedAndAServedOneReachesTheDepartment()
    {
        var scenario = new Scenario(fixture);

        var unserved = await Policy.SetStrategyAsync(new SetDepartmentStrategyRequest(Department.Maintenance, "mars", RoutingStrategy.RoundRobin));
        await scenario.StrategyAsync(Department.Maintenance, RoutingStrategy.BestSkillMatch);

        Assert.Equal((ErrorKind.Validation, "region"), (unserved.Error?.Kind, unserved.Error?.Field));
        Assert.Equal(RoutingStrategy.BestSkillMatch, (await scenario.Department(Department.Maintenance).GetAsync()).Strategy);
        Assert.Equal(RoutingStrategy.LeastLoaded, (await scenario.Department(Department.Installation).GetAsync()).Strategy);
    }

    [Fact]
    public async Task NeighboursMustBeServedRegionsOtherThanTheRegionItself()
    {
        var scenario = new Scenario(fixture);

        var self = await Policy.SetNeighboursAsync(new SetRegionNeighboursRequest(scenario.Region, [scenario.Region]));
        var unknown = await Policy.SetNeighboursAsync(new SetRegionNeighboursRequest(scenario.Region, ["mars"]));

        Assert.Equal((ErrorKind.Validation, "neighbours[0]"), (self.Error?.Kind, self.Error?.Field));
        Assert.Equal((ErrorKind.Validation, "neighbours[0]"), (unknown.Error?.Kind, unknown.Error?.Field));
    }
}
