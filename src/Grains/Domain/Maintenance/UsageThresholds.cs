using System.Globalization;
using AfterSales.Domain.Calendars;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Domain.Maintenance;

/// <summary>Usage-based plans: a work order is due each time the plan's meter crosses a multiple of its interval
/// (5000, 10000, … operating hours), counted on the meter's running total.</summary>
internal static class UsageThresholds
{
    /// <summary>The highest multiple of <paramref name="interval"/> in (<paramref name="before"/>,
    /// <paramref name="after"/>]; null when the meter crossed none (several crossed at once make one work order).</summary>
    public static decimal? Crossed(decimal interval, decimal before, decimal after)
    {
        if (interval <= 0 || after <= before)
        {
            return null;
        }
        var threshold = decimal.Floor(after / interval) * interval;
        return threshold > before ? threshold : null;
    }

    /// <summary>The next threshold above <paramref name="value"/>.</summary>
    public static decimal Next(decimal interval, decimal value) => (decimal.Floor(value / interval) + 1) * interval;

    /// <summary>The stable name of a usage period: <c>{meter}@{threshold}</c>.</summary>
    public static string PeriodOf(string meter, decimal threshold) =>
        string.Create(CultureInfo.InvariantCulture, $"{meter}@{threshold.Normalize()}");

    /// <summary>The trigger of <paramref name="plan"/> when its meter went from <paramref name="before"/> to
    /// <paramref name="after"/> at <paramref name="at"/> (its window ends on a local day of <paramref name="calendar"/>);
    /// null when it is not usage-based or crossed no threshold.</summary>
    public static MaintenanceTrigger? Trigger(MaintenancePlanTemplate plan, decimal before, decimal after, DateTimeOffset at, RegionCalendar calendar)
    {
        if (plan.Meter is not { } meter || Crossed(plan.UsageInterval, before, after) is not { } threshold)
        {
            return null;
        }
        return new MaintenanceTrigger(MaintenanceTriggerKind.Usage, plan.Id, PeriodOf(meter, threshold),
            string.Create(CultureInfo.InvariantCulture, $"{meter} reached {after.Normalize()} (threshold {threshold.Normalize()}, every {plan.UsageInterval.Normalize()})"),
            MaintenanceSchedule.WindowFrom(at, plan.WindowDays, calendar));
    }

    private static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;
}
