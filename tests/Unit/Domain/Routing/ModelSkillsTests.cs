using AfterSales.Domain.Routing;
using AfterSales.Routing;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class ModelSkillsTests
{
    [Fact]
    public void AModelsSkillsAreRequiredAndMergedWithTheRulesKeepingTheHighestLevel()
    {
        var fromRules = new CaseRequirements([new("hydraulics", 2)], [new("Electrical", 1), new("english", 2)], ["r1"]);

        var merged = ModelSkills.Merge(fromRules, "HX-200", [new SkillRequirement("Hydraulics", 4), new SkillRequirement("electrical", 2)]);

        Assert.Equal([("electrical", 2), ("hydraulics", 4)], merged.Required.Select(r => (r.Name, r.MinLevel)));
        Assert.Equal(["english"], merged.Optional.Select(o => o.Name));
        Assert.Equal(["r1", "model:HX-200"], merged.MatchedRuleIds.ToArray());
    }

    [Fact]
    public void WithoutModelSkillsTheRulesDecideAlone()
    {
        var fromRules = new CaseRequirements([new("hydraulics", 2)], [], ["r1"]);

        Assert.Same(fromRules, ModelSkills.Merge(fromRules, "HX-200", []));
        Assert.Same(fromRules, ModelSkills.Merge(fromRules, null, [new SkillRequirement("hydraulics", 5)]));
    }
}
