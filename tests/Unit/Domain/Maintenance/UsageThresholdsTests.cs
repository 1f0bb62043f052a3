using AfterSales.Domain.Calendars;
using AfterSales.Domain.Maintenance;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Tests.Unit.Domain.Maintenance;

public sealed class UsageThresholdsTests
{
    [Theory]
    [InlineData(4990, 5010, 5000)]
    [InlineData(5000, 5010, null)]      // 5000 was crossed before
    [InlineData(4999, 5000, 5000)]      // reaching the threshold crosses it
    [InlineData(4900, 10100, 10000)]    // two at once make one work order, at the higher
    [InlineData(5010, 5010, null)]
    public void AThresholdIsCrossedWhenTheMeterPassesAMultipleOfTheInterval(int before, int after, int? threshold) =>
        Assert.Equal(threshold, (int?)UsageThresholds.Crossed(5000, before, after));

    [Fact]
    public void TheNextThresholdIsTheMultipleAboveTheValue()
    {
        Assert.Equal(5000m, UsageThresholds.Next(5000, 0));
        Assert.Equal(10000m, UsageThresholds.Next(5000, 5000));
        Assert.Equal(1.5m, UsageThresholds.Next(0.5m, 1.2m));
    }

    [Fact]
    public void ATriggerNamesTheMeterAndThresholdAsItsPeriod()
    {
        var plan = new MaintenancePlanTemplate("hours", "Every 500 h", 0, [], 60) { Meter = "operatingHours", UsageInterval = 500, WindowDays = 3 };
        var at = new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

        var trigger = UsageThresholds.Trigger(plan, 990.5m, 1002.25m, at, RegionCalendar.Utc("north"));

        Assert.NotNull(trigger);
        Assert.Equal((MaintenanceTriggerKind.Usage, "hours", "operatingHours@1000"), (trigger.Kind, trigger.SourceId, trigger.Period));
        Assert.Equal("operatingHours reached 1002.25 (threshold 1000, every 500)", trigger.Evidence);
        Assert.Equal(new DueWindow(at, new DateTimeOffset(2026, 4, 5, 0, 0, 0, TimeSpan.Zero)), trigger.Window);
        Assert.Null(UsageThresholds.Trigger(plan, 1002.25m, 1100, at, RegionCalendar.Utc("north")));
        Assert.Null(UsageThresholds.Trigger(plan with { Meter = null, UsageInterval = 0, IntervalDays = 30 }, 0, 5000, at, RegionCalendar.Utc("north")));
    }
}
