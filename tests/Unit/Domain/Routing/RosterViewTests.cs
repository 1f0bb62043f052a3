using AfterSales.Departments;
using AfterSales.Domain.Routing;
using AfterSales.Technicians;
using static AfterSales.Tests.Unit.Domain.Routing.RoutingFixtures;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class RosterViewTests
{
    private static TechnicianStatus At(TechnicianStatus status, long sequence) => status with { Sequence = sequence };

    [Fact]
    public void RanksTheRosterInIdOrderWithReservedUnitsCountedAsLoad()
    {
        var roster = new RosterView();
        roster.Observe(Tech("T2", load: 1), out _);
        roster.Observe(Tech("T1"), out _);

        roster.Reserve("A", "T2", 2, Noon.AddSeconds(5));

        Assert.Equal(["T1", "T2"], roster.Ranked().Select(t => t.TechnicianId));
        Assert.Equal(3, roster.Ranked()[1].Load);
        Assert.Equal("T2", roster.ReservedFor("A"));
        Assert.Equal("T2", roster.Release("A"));
        Assert.Equal(1, roster.Ranked()[1].Load);
    }

    [Fact]
    public void AnOlderStatusIsIgnoredButTheTechniciansOwnAnswerWins()
    {
        var roster = new RosterView();
        roster.Observe(At(Tech("T1", load: 2), 5), out _);

        Assert.False(roster.Observe(At(Tech("T1", load: 0), 4), out _));
        Assert.Equal(2, roster.Ranked()[0].Load);

        roster.Replace(At(Tech("T1", load: 1), 3));
        Assert.Equal(1, roster.Ranked()[0].Load);
    }

    [Fact]
    public void ANewerStatusEndsReservationsMadeOnAnOlderOneAndExpiryEndsTheRest()
    {
        var roster = new RosterView();
        roster.Observe(At(Tech("T1"), 1), out _);
        roster.Reserve("A", "T1", 1, Noon.AddSeconds(5));
        roster.Observe(At(Tech("T2"), 1), out _);
        roster.Reserve("B", "T2", 1, Noon.AddSeconds(5));

        var newer = At(Tech("T1", load: 1), 2);
        roster.Observe(newer, out _);
        Assert.True(roster.Supersede(newer));
        Assert.Null(roster.ReservedFor("A"));

        Assert.False(roster.Expire(Noon.AddSeconds(4)));
        Assert.True(roster.Expire(Noon.AddSeconds(5)));
        Assert.Equal(0, roster.Reserved);
    }

    [Fact]
    public void ATechnicianHoldingNothingCanTakeACaseHeavierThanItsCapacity()
    {
        var roster = new RosterView();
        roster.Observe(Tech("T1", capacity: 1), out _);
        roster.Observe(Tech("T2", load: 1, capacity: 3), out _);

        var capacity = roster.Capacity(queued: 4);

        Assert.Equal(new DepartmentCapacity(2, 3, int.MaxValue, 4), capacity);
        Assert.True(roster.AnyRoom());
    }

    [Fact]
    public void OnlyAvailableTechniciansWithRoomCount()
    {
        var roster = new RosterView();
        roster.Observe(Tech("T1", load: 2, capacity: 2), out _);
        roster.Observe(Tech("T2", onShift: false), out _);
        roster.Observe(Tech("T3", away: true), out _);

        Assert.False(roster.AnyRoom());
        Assert.Equal(new DepartmentCapacity(1, 0, 0, 0), roster.Capacity(0));
        Assert.Equal(new DepartmentLoad(2, 6, 2, 0), roster.Load(0));
    }

    [Fact]
    public void RemovingATechnicianDropsItFromTheRanking()
    {
        var roster = new RosterView();
        roster.Observe(Tech("T1"), out _);
        roster.Observe(Tech("T2"), out _);
        _ = roster.Ranked();

        Assert.True(roster.Remove("T1"));
        Assert.False(roster.Remove("T1"));
        Assert.Equal(["T2"], roster.Ranked().Select(t => t.TechnicianId));
    }

    [Fact]
    public void RoomCountsReservationsAndIsZeroForAnyoneUnavailableOrUnknown()
    {
        var roster = new RosterView();
        roster.Observe(Tech("T1", load: 1, capacity: 4), out _);
        roster.Observe(Tech("T2", capacity: 1), out _);
        roster.Observe(Tech("T3", away: true), out _);
        roster.Reserve("A", "T1", 2, Noon.AddSeconds(5));

        Assert.Equal(1, roster.RoomOf("T1"));
        Assert.Equal(int.MaxValue, roster.RoomOf("T2"));
        Assert.Equal(0, roster.RoomOf("T3"));
        Assert.Equal(0, roster.RoomOf("T9"));
    }
}
