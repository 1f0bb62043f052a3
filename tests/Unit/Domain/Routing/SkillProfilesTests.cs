using AfterSales.Domain.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class SkillProfilesTests
{
    [Fact]
    public void TechniciansWithTheSameSkillsShareOneProfile()
    {
        var profiles = SkillProfiles.Of([
            [new Skill("hydraulics", 3), new Skill("english", 2)],
            [new Skill("English", 2), new Skill("Hydraulics", 3)],
            [new Skill("hydraulics", 4)],
        ]);

        Assert.Equal(2, profiles.Profiles.Length);
    }

    [Fact]
    public void OneProfileMustMeetEveryRequirementOnItsOwn()
    {
        var profiles = SkillProfiles.Of([[new Skill("hydraulics", 3)], [new Skill("english", 2)]]);

        Assert.True(profiles.AnyMeets([Needs("hydraulics", 2)]));
        Assert.False(profiles.AnyMeets([Needs("hydraulics", 3), Needs("english", 2)]));
        Assert.Empty(profiles.Unmet([Needs("hydraulics", 3), Needs("english", 2)]));
        Assert.Equal([Needs("hydraulics", 4)], profiles.Unmet([Needs("hydraulics", 4), Needs("english", 1)]).ToArray());
        Assert.True(SkillProfiles.Empty.With(profiles).AnyMeets([Needs("english", 1)]));
    }
}
