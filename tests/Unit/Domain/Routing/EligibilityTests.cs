using AfterSales.Domain.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class EligibilityTests
{
    [Fact]
    public void AnOffShiftOrAwayTechnicianIsNotEligibleHoweverFree()
    {
        Assert.Equal(Assessment.No("off shift"), Eligibility.Assess(Tech("T-1", onShift: false), 1, [], []));
        Assert.Equal(Assessment.No("away"), Eligibility.Assess(Tech("T-1", away: true), 1, [], []));
    }

    [Fact]
    public void EveryRequiredSkillMustBeMetAtItsMinimumLevel()
    {
        var technician = Tech("T-1", skills: [new Skill("hydraulics", 2), new Skill("electrics", 5)]);

        var missing = Eligibility.Assess(technician, 1, [Needs("hydraulics", 3), Needs("welding", 1), Needs("electrics", 1)], []);

        Assert.Equal(Assessment.No("missing hydraulics≥3, welding≥1"), missing);
    }

    [Fact]
    public void SkillNamesCompareWithoutCase()
    {
        var technician = Tech("T-1", skills: [new Skill("Hydraulics", 3)]);

        Assert.True(Eligibility.Assess(technician, 1, [Needs("hydraulics", 3)], []).Eligible);
    }

    [Fact]
    public void ATechnicianNeedsFreeUnitsForTheWholeWeight()
    {
        Assert.Equal(Assessment.No("needs 3 free units, has 2 (2/4)"), Eligibility.Assess(Tech("T-1", load: 2, capacity: 4), 3, [], []));
        Assert.True(Eligibility.Assess(Tech("T-1", load: 1, capacity: 4), 3, [], []).Eligible);
    }

    [Fact]
    public void OptionalSkillsAreNeededUntilTheCallerRelaxesThem()
    {
        var technician = Tech("T-1", skills: [new Skill("hydraulics", 3)]);

        Assert.Equal(Assessment.No("missing optional english≥2"), Eligibility.Assess(technician, 1, [], [Needs("english", 2)]));
        Assert.True(Eligibility.Assess(technician, 1, [], []).Eligible);
    }

    [Fact]
    public void OverQualificationSumsLevelsAboveTheMinimumOverRequiredSkills()
    {
        var technician = Tech("T-1", skills: [new Skill("hydraulics", 5), new Skill("electrics", 3), new Skill("english", 5)]);

        var assessment = Eligibility.Assess(technician, 1, [Needs("hydraulics", 3), Needs("electrics", 3)], [Needs("english", 1)]);

        Assert.Equal(Assessment.Yes(2), assessment);
    }
}
