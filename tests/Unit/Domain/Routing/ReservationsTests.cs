using AfterSales.Domain.Routing;

namespace AfterSales.Tests.Unit.Domain.Routing;

public sealed class ReservationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReservedUnitsAddUpPerTechnicianAndEndWithTheirCase()
    {
        var reservations = new Reservations();
        reservations.Reserve("A", "T1", 2, 5, Now.AddSeconds(5));
        reservations.Reserve("B", "T1", 3, 5, Now.AddSeconds(5));
        reservations.Reserve("C", "T2", 1, 9, Now.AddSeconds(5));

        Assert.Equal(5, reservations.UnitsOn("T1"));
        Assert.Equal(1, reservations.UnitsOn("T2"));
        Assert.Equal("T1", reservations.Release("A"));
        Assert.Equal(3, reservations.UnitsOn("T1"));
        Assert.Null(reservations.Release("A"));
        Assert.Equal(2, reservations.Count);
    }

    [Fact]
    public void ACaseHoldsOneReservationAndANewOneReplacesIt()
    {
        var reservations = new Reservations();
        reservations.Reserve("A", "T1", 2, 1, Now.AddSeconds(5));

        Assert.Equal("T1", reservations.Reserve("A", "T2", 2, 1, Now.AddSeconds(5)));
        Assert.Equal(0, reservations.UnitsOn("T1"));
        Assert.Equal(2, reservations.UnitsOn("T2"));
        Assert.Null(reservations.Reserve("A", "T2", 2, 1, Now.AddSeconds(5)));
        Assert.Equal(2, reservations.UnitsOn("T2"));
        Assert.Equal(1, reservations.Count);
    }

    [Fact]
    public void ANewerStatusSupersedesOnlyReservationsMadeOnOlderOnes()
    {
        var reservations = new Reservations();
        reservations.Reserve("A", "T1", 2, 4, Now.AddSeconds(5));
        reservations.Reserve("B", "T1", 1, 6, Now.AddSeconds(5));
        reservations.Reserve("C", "T2", 1, 1, Now.AddSeconds(5));

        Assert.False(reservations.Supersede("T1", 4));
        Assert.True(reservations.Supersede("T1", 5));

        Assert.False(reservations.TryGet("A", out _));
        Assert.True(reservations.TryGet("B", out var kept));
        Assert.Equal(new Reservation("T1", 1, 6, kept.Id), kept);
        Assert.Equal(1, reservations.UnitsOn("T1"));
        Assert.Equal(1, reservations.UnitsOn("T2"));
    }

    [Fact]
    public void ReservationsExpireAfterTheirLifetimeAndAnEndedOneIsNotExpiredAgain()
    {
        var reservations = new Reservations();
        reservations.Reserve("A", "T1", 2, 1, Now.AddSeconds(5));
        reservations.Reserve("B", "T2", 1, 1, Now.AddSeconds(6));
        reservations.Reserve("A", "T3", 2, 1, Now.AddSeconds(7));
        var ended = new List<string>();

        reservations.Expire(Now.AddSeconds(4), ended);
        Assert.Empty(ended);
        reservations.Expire(Now.AddSeconds(6), ended);
        Assert.Equal(["T2"], ended);
        Assert.Equal(2, reservations.UnitsOn("T3"));
        reservations.Expire(Now.AddSeconds(7), ended);
        Assert.Equal(["T2", "T3"], ended);
        Assert.Equal(0, reservations.Count);
    }
}
