using AfterSales.Domain.Maintenance;
using AfterSales.Models;

namespace AfterSales.Tests.Unit.Domain.Maintenance;

public sealed class MaintenancePlanValidatorTests
{
    private static readonly MaintenancePlanTemplate Annual = new("annual", "Annual service", 365, ["Clean"], 60);

    private static string[] Fields(MaintenancePlanTemplate plan) => [.. MaintenancePlanValidator.Validate(plan, "plan").Select(e => e.Field)];

    [Fact]
    public void EachKindOfScheduleIsValidOnItsOwn()
    {
        Assert.Empty(Fields(Annual));
        Assert.Empty(Fields(Annual with { IntervalDays = 0, IntervalWeeks = 2, LeadDays = 3, WindowDays = 7 }));
        Assert.Empty(Fields(Annual with { IntervalDays = 0, IntervalMonths = 6 }));
        Assert.Empty(Fields(Annual with { IntervalDays = 0, Recurrence = "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO" }));
        Assert.Empty(Fields(Annual with { IntervalDays = 0, Meter = "operatingHours", UsageInterval = 500 }));
    }

    [Fact]
    public void APlanWithNoScheduleIsRefusedAtIntervalDays()
    {
        var errors = MaintenancePlanValidator.Validate(Annual with { IntervalDays = 0 }, "plan").ToList();

        Assert.Equal("plan.intervalDays", Assert.Single(errors).Field);
        Assert.Contains("needs one schedule", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlanWithTwoSchedulesIsRefusedAtTheSecond()
    {
        Assert.Equal(["plan.intervalMonths"], Fields(Annual with { IntervalMonths = 12 }));
        Assert.Equal(["plan.usageInterval"], Fields(Annual with { Meter = "cycles", UsageInterval = 10 }));
    }

    [Theory]
    [InlineData(0, 0, 0, "FREQ=SECONDLY", null, 0, "plan.recurrence")]
    [InlineData(0, 521, 0, null, null, 0, "plan.intervalWeeks")]
    [InlineData(0, 0, 121, null, null, 0, "plan.intervalMonths")]
    [InlineData(0, 0, 0, null, "operating hours", 10, "plan.meter")]
    [InlineData(0, 0, 0, null, "cycles", 0, "plan.usageInterval")]
    [InlineData(0, 0, 0, null, null, 10, "plan.meter")]
    [InlineData(-1, 0, 0, null, null, 0, "plan.intervalDays")]
    public void EachScheduleIsCheckedAtItsOwnField(int days, int weeks, int months, string? rule, string? meter, int usage, string field) =>
        Assert.Equal([field], Fields(Annual with
        {
            IntervalDays = days, IntervalWeeks = weeks, IntervalMonths = months, Recurrence = rule, Meter = meter, UsageInterval = usage,
        }));

    [Fact]
    public void LeadAndWindowDaysAreWithinAYearAndAUsagePlanHasNoLead()
    {
        Assert.Equal(["plan.leadDays", "plan.windowDays"], Fields(Annual with { LeadDays = 366, WindowDays = -1 }));
        Assert.Equal(["plan.leadDays"], Fields(Annual with { IntervalDays = 0, Meter = "cycles", UsageInterval = 100, LeadDays = 2 }));
    }
}
