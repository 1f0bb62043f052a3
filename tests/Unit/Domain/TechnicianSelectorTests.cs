using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Staff;

namespace AfterSales.Tests.Unit.Domain;

public sealed class TechnicianSelectorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TechnicianStatus Tech(string id, int load, int capacity, bool onShift = true, DateTimeOffset? lastAssignedAt = null) =>
        new(id, Department.TechnicalSupport, "east", capacity, load, onShift, ImmutableArray<Skill>.Empty, lastAssignedAt, 1);

    [Fact]
    public void PicksTheLowestLoadRatioNotTheLowestLoad()
    {
        // T-1 has fewer cases but is fuller: 2/3 = 0.67 against 3/6 = 0.5.
        var roster = new[] { Tech("T-1", 2, 3), Tech("T-2", 3, 6), Tech("T-3", 4, 5) };

        var choice = TechnicianSelector.Select(roster, weight: 1);

        Assert.Equal("T-2", choice.Technician?.TechnicianId);
        Assert.Equal(3, choice.Candidates);
        Assert.Equal("least-loaded: T-2 at 3/6 of 3 on-shift candidates", choice.Reason);
    }

    [Fact]
    public void OnEqualRatiosTheTechnicianIdleLongestWins()
    {
        var roster = new[]
        {
            Tech("T-1", 1, 4, lastAssignedAt: Noon),
            Tech("T-2", 1, 4, lastAssignedAt: Noon.AddMinutes(-30)),
            Tech("T-3", 2, 8, lastAssignedAt: Noon.AddMinutes(-5)),
        };

        var choice = TechnicianSelector.Select(roster, weight: 1);

        Assert.Equal("T-2", choice.Technician?.TechnicianId);
    }

    [Fact]
    public void ANeverAssignedTechnicianCountsAsIdleLongest()
    {
        var roster = new[] { Tech("T-1", 0, 3, lastAssignedAt: Noon.AddDays(-30)), Tech("T-9", 0, 3) };

        Assert.Equal("T-9", TechnicianSelector.Select(roster, weight: 1).Technician?.TechnicianId);
    }

    [Fact]
    public void AFullTieGoesToTheOrdinalSmallestIdWhateverTheRosterOrder()
    {
        var roster = new[] { Tech("T-b", 0, 3), Tech("T-B", 0, 3), Tech("T-a", 0, 3) };

        Assert.Equal("T-B", TechnicianSelector.Select(roster, weight: 1).Technician?.TechnicianId);
        Assert.Equal("T-B", TechnicianSelector.Select(roster.Reverse(), weight: 1).Technician?.TechnicianId);
    }

    [Fact]
    public void ATechnicianWithoutEnoughFreeCapacityIsNotChosen()
    {
        var roster = new[] { Tech("T-1", 2, 3), Tech("T-2", 5, 6) };

        Assert.Equal("T-1", TechnicianSelector.Select(roster, weight: 1).Technician?.TechnicianId);
        var heavy = TechnicianSelector.Select(roster, weight: 2);
        Assert.False(heavy.Found);
        Assert.Equal("no on-shift technician has 2 free units (2 on shift)", heavy.Reason);
    }

    [Fact]
    public void AFullTechnicianIsNeverChosen()
    {
        var choice = TechnicianSelector.Select([Tech("T-1", 3, 3)], weight: 1);

        Assert.False(choice.Found);
        Assert.Equal(0, choice.Candidates);
    }

    [Fact]
    public void OffShiftTechniciansAreNeverChosenHoweverIdle()
    {
        var roster = new[] { Tech("T-1", 0, 10, onShift: false), Tech("T-2", 2, 3) };

        Assert.Equal("T-2", TechnicianSelector.Select(roster, weight: 1).Technician?.TechnicianId);

        var nobody = TechnicianSelector.Select([Tech("T-1", 0, 10, onShift: false), Tech("T-3", 0, 1, onShift: false)], weight: 1);
        Assert.False(nobody.Found);
        Assert.Equal("none of 2 rostered technicians are on shift", nobody.Reason);
    }

    [Fact]
    public void ExcludedTechniciansAreSkippedAndTheNextBestIsChosen()
    {
        var roster = new[] { Tech("T-1", 0, 3), Tech("T-2", 1, 3), Tech("T-3", 2, 3) };

        var choice = TechnicianSelector.Select(roster, weight: 1, excluded: new HashSet<string> { "T-1" });
        Assert.Equal("T-2", choice.Technician?.TechnicianId);

        var none = TechnicianSelector.Select(roster, weight: 1, excluded: new HashSet<string> { "T-1", "T-2", "T-3" });
        Assert.False(none.Found);
        Assert.Equal("no on-shift technician has 1 free unit (3 on shift, 3 refused)", none.Reason);
    }

    [Fact]
    public void AnEmptyRosterYieldsNoChoiceWithAReason()
    {
        var choice = TechnicianSelector.Select([], weight: 1);

        Assert.False(choice.Found);
        Assert.Equal("no technician on the roster", choice.Reason);
    }

    [Fact]
    public void AWeightBelowOneIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TechnicianSelector.Select([Tech("T-1", 0, 3)], weight: 0));
    }
}
