using AfterSales.Domain.Readings;
using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Tests.Unit.Domain.Readings;

public sealed class MeterRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly MeterSample Last = new(T0, 100);

    [Fact]
    public void ACounterGoingUpIsApplied() =>
        Assert.Equal(ReadingVerdict.Apply, MeterRules.Check(MeterKind.Counter, Last, new("hours", 101, T0.AddHours(1))));

    [Fact]
    public void ACounterGoingBackwardsWithoutAResetIsRefused() =>
        Assert.Equal(ReadingVerdict.Backwards, MeterRules.Check(MeterKind.Counter, Last, new("hours", 99, T0.AddHours(1))));

    [Fact]
    public void ACounterGoingBackwardsWithAResetIsApplied() =>
        Assert.Equal(ReadingVerdict.Apply, MeterRules.Check(MeterKind.Counter, Last, new("hours", 3, T0.AddHours(1), Reset: true)));

    [Fact]
    public void AGaugeMayGoDown() =>
        Assert.Equal(ReadingVerdict.Apply, MeterRules.Check(MeterKind.Gauge, Last, new("temp", -4, T0.AddHours(1))));

    [Fact]
    public void AReadingAtOrBeforeTheLastIsStaleWhateverItsValue()
    {
        Assert.Equal(ReadingVerdict.Stale, MeterRules.Check(MeterKind.Counter, Last, new("hours", 100, T0)));
        Assert.Equal(ReadingVerdict.Stale, MeterRules.Check(MeterKind.Counter, Last, new("hours", 50, T0.AddMinutes(-1))));
    }

    [Fact]
    public void ANegativeCounterIsRefusedEvenAsTheFirstReading() =>
        Assert.Equal(ReadingVerdict.Negative, MeterRules.Check(MeterKind.Counter, null, new("hours", -1, T0)));

    [Fact]
    public void UsageIsTheIncrementAndAfterAResetEverythingCountedSinceIt()
    {
        Assert.Equal(25, MeterRules.Usage(MeterKind.Counter, Last, new("hours", 125, T0.AddHours(1))));
        Assert.Equal(7, MeterRules.Usage(MeterKind.Counter, Last, new("hours", 7, T0.AddHours(1), Reset: true)));
        Assert.Equal(40, MeterRules.Usage(MeterKind.Counter, null, new("hours", 40, T0)));
        Assert.Equal(0, MeterRules.Usage(MeterKind.Gauge, Last, new("temp", 140, T0.AddHours(1))));
    }

    [Fact]
    public void TheBackwardsMessageNamesBothValuesAndTheReset()
    {
        var message = MeterRules.Explain(ReadingVerdict.Backwards, "hours", Last, new("hours", 99, T0.AddHours(1)));

        Assert.Contains("99", message, StringComparison.Ordinal);
        Assert.Contains("100", message, StringComparison.Ordinal);
        Assert.Contains("reset: true", message, StringComparison.Ordinal);
    }
}
