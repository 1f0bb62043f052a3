using AfterSales.Cases;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class SkillRequirementsTests
{
    private static RoutingPolicy With(params SkillRule[] rules) => RoutingPolicies.Default(Noon) with { Rules = [.. rules] };

    private static SkillRule Rule(string id, CaseType? type = null, string? model = null, string? category = null,
        SkillRequirement[]? required = null, SkillRequirement[]? optional = null) =>
        new(id, type, model, category, [.. required ?? []], [.. optional ?? []]);

    [Fact]
    public void AFaultOnAModelWithACategoryNeedsTheSkillOfTheRuleThatNamesAllThree()
    {
        var policy = With(Rule("hx-hydraulics", CaseType.Fault, "HX-200", "hydraulics", required: [Needs("hydraulics", 3)]));

        var requirements = SkillRequirements.For(policy, CaseType.Fault, "HX-200", "hydraulics");

        Assert.Equal([Needs("hydraulics", 3)], requirements.Required.ToArray());
        Assert.Empty(requirements.Optional.ToArray());
        Assert.Equal(["hx-hydraulics"], requirements.MatchedRuleIds.ToArray());
    }

    [Fact]
    public void ARuleAppliesOnlyWhenEveryCriterionItSetsMatches()
    {
        var rule = Rule("r", CaseType.Fault, "HX-200", "hydraulics", required: [Needs("hydraulics", 3)]);

        Assert.True(SkillRequirements.Matches(rule, CaseType.Fault, "hx-200", "HYDRAULICS"));
        Assert.False(SkillRequirements.Matches(rule, CaseType.Maintenance, "HX-200", "hydraulics"));
        Assert.False(SkillRequirements.Matches(rule, CaseType.Fault, "HX-300", "hydraulics"));
        Assert.False(SkillRequirements.Matches(rule, CaseType.Fault, "HX-200", null));
        Assert.False(SkillRequirements.Matches(rule, CaseType.Fault, null, "hydraulics"));
    }

    [Fact]
    public void ARuleWithoutCriteriaAppliesToEveryCase()
    {
        var policy = With(Rule("everyone", optional: [Needs("mandarin", 2)]));

        var requirements = SkillRequirements.For(policy, CaseType.Consultation, null, null);

        Assert.Equal([Needs("mandarin", 2)], requirements.Optional.ToArray());
        Assert.Equal(["everyone"], requirements.MatchedRuleIds.ToArray());
    }

    [Fact]
    public void RequirementsOfAllMatchingRulesMergeBySkillWithTheHighestLevel()
    {
        var policy = With(
            Rule("type", CaseType.Fault, required: [Needs("hydraulics", 2), Needs("electrics", 1)]),
            Rule("model", model: "HX-200", required: [Needs("Hydraulics", 4)], optional: [Needs("english", 2)]),
            Rule("other-model", model: "HX-300", required: [Needs("pneumatics", 5)]),
            Rule("category", category: "noise", optional: [Needs("english", 3), Needs("acoustics", 1)]));

        var requirements = SkillRequirements.For(policy, CaseType.Fault, "HX-200", "noise");

        Assert.Equal([Needs("electrics", 1), Needs("hydraulics", 4)], requirements.Required.ToArray());
        Assert.Equal([Needs("acoustics", 1), Needs("english", 3)], requirements.Optional.ToArray());
        Assert.Equal(["type", "model", "category"], requirements.MatchedRuleIds.ToArray());
    }

    [Fact]
    public void ASkillBothRequiredAndOptionalIsRequired()
    {
        var policy = With(
            Rule("a", CaseType.Fault, required: [Needs("hydraulics", 2)]),
            Rule("b", CaseType.Fault, optional: [Needs("hydraulics", 4), Needs("english", 1)]));

        var requirements = SkillRequirements.For(policy, CaseType.Fault, null, null);

        Assert.Equal([Needs("hydraulics", 2)], requirements.Required.ToArray());
        Assert.Equal([Needs("english", 1)], requirements.Optional.ToArray());
    }

    [Fact]
    public void WithoutAMatchingRuleACaseNeedsNothing()
    {
        var policy = With(Rule("a", CaseType.Installation, required: [Needs("lifting", 2)]));

        Assert.Same(CaseRequirements.None, SkillRequirements.For(policy, CaseType.Fault, "HX-200", null));
        Assert.Same(CaseRequirements.None, SkillRequirements.For(RoutingPolicies.Default(Noon), CaseType.Fault, null, null));
    }
}
