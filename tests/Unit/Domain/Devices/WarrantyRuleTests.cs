using AfterSales.Domain.Devices;

namespace AfterSales.Tests.Unit.Domain.Devices;

public sealed class WarrantyRuleTests
{
    private static readonly DateOnly Shipped = new(2026, 1, 10);
    private static readonly DateOnly Registered = new(2026, 1, 5);
    private const int Grace = 90;

    private static (DateOnly Start, DateOnly End, string Basis)? Term(
        DateOnly? accepted, DateOnly? shipped = null, int months = 24, DateOnly? explicitEnd = null, int grace = Grace) =>
        WarrantyRule.Of(explicitEnd, accepted, shipped, Registered, months, grace) is { } t ? (t.Start, t.End, t.Basis) : null;

    [Fact]
    public void AnAcceptanceWithinTheGraceStartsTheWarranty()
    {
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2028, 1, 31), WarrantyRule.Acceptance), Term(new DateOnly(2026, 2, 1), Shipped));
    }

    [Fact]
    public void AnAcceptanceAfterTheGraceLeavesTheWarrantyStartedByTheShipment()
    {
        var graceEnd = Shipped.AddDays(Grace);

        Assert.Equal((graceEnd, new DateOnly(2028, 4, 9), WarrantyRule.Shipment), Term(graceEnd.AddDays(1), Shipped));
    }

    [Fact]
    public void AnAcceptanceOnTheLastDayOfTheGraceCountsAsTheAcceptance()
    {
        Assert.Equal(WarrantyRule.Acceptance, Term(Shipped.AddDays(Grace), Shipped)?.Basis);
    }

    [Fact]
    public void AShippedDeviceNotYetAcceptedHasAWarrantyScheduledAtTheGracesEnd()
    {
        Assert.Equal((new DateOnly(2026, 4, 10), WarrantyRule.Shipment), Term(null, Shipped) is { } t ? (t.Start, t.Basis) : default);
    }

    [Fact]
    public void WithoutAShipDateOnlyTheAcceptanceStartsItAndWithNeitherThereIsNone()
    {
        Assert.Equal(WarrantyRule.Acceptance, Term(new DateOnly(2027, 6, 1))?.Basis);
        Assert.Null(Term(null));
    }

    [Fact]
    public void AnExplicitWarrantyEndAtRegistrationIsKept()
    {
        var end = new DateOnly(2030, 12, 31);

        Assert.Equal((new DateOnly(2026, 2, 1), end, WarrantyRule.Registration), Term(new DateOnly(2026, 2, 1), Shipped, explicitEnd: end));
        Assert.Equal((Shipped, end, WarrantyRule.Registration), Term(null, Shipped, explicitEnd: end));
        Assert.Equal((Registered, end, WarrantyRule.Registration), Term(null, explicitEnd: end));
    }

    [Fact]
    public void AZeroMonthModelGivesNoWarrantyAndAZeroGraceStartsAtShipping()
    {
        Assert.Null(Term(new DateOnly(2026, 2, 1), Shipped, months: 0));
        Assert.Equal((Shipped, WarrantyRule.Shipment), Term(null, Shipped, grace: 0) is { } t ? (t.Start, t.Basis) : default);
    }

    [Theory]
    [InlineData("2026-03-15", 1, "2026-04-14")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2028-02-29", 48, "2032-02-28")]
    [InlineData("2026-02-28", 12, "2027-02-27")]
    [InlineData("2026-01-01", 24, "2027-12-31")]
    [InlineData("2026-12-15", 120, "2036-12-14")]
    public void AWarrantyEndsTheDayBeforeItsAnniversaryOrOnTheLastDayOfAShortMonth(string start, int months, string end)
    {
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            WarrantyRule.LastDay(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), months));
    }

    [Fact]
    public void AGraceRunningOverALeapDayCountsIt()
    {
        var shipped = new DateOnly(2028, 2, 1);

        Assert.Equal(new DateOnly(2028, 5, 1), Term(null, shipped)?.Start);
    }
}
