using System.Globalization;
using AfterSales.Domain.Calendars;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Domain.Maintenance;

/// <summary>When a time-based plan is next due, and its due window and fire time. Days are the local days of the
/// device's region (<see cref="RegionCalendar"/>): a visit is due at the start of its due day, on time until the end of
/// the day <see cref="MaintenancePlanTemplate.WindowDays"/> later, and its work order is generated
/// <see cref="MaintenancePlanTemplate.LeadDays"/> before the due day, each at the region's local midnight.</summary>
internal static class MaintenanceSchedule
{
    /// <summary>True for a plan counted on a meter; false for a calendar plan.</summary>
    public static bool IsUsageBased(MaintenancePlanTemplate plan) => plan.Meter is not null;

    /// <summary>The first due day on or after <paramref name="notBefore"/>: an interval plan counts whole intervals from
    /// its anchor (the last visit, or the entry into service), a recurrence rule runs from the entry into service.
    /// Null for a usage-based plan and for a rule that has ended.</summary>
    public static DateOnly? NextDueDay(MaintenancePlanTemplate plan, DateOnly inService, DateOnly? lastVisit, DateOnly notBefore)
    {
        if (IsUsageBased(plan))
        {
            return null;
        }
        if (plan.Recurrence is { } rule)
        {
            return RecurrenceRules.Next(rule, inService, notBefore);
        }
        var anchor = lastVisit is { } visit && visit > inService ? visit : inService;
        if (plan.IntervalMonths > 0)
        {
            // Counted from the anchor each time (not step by step), so 31 January + 1 month is 28/29 February and
            // + 2 months is 31 March again.
            var interval = plan.IntervalMonths;
            var monthsAhead = ((notBefore.Year - anchor.Year) * 12) + notBefore.Month - anchor.Month;
            var k = Math.Max(1, monthsAhead / interval);
            while (k > 1 && anchor.AddMonths((k - 1) * interval) >= notBefore)
            {
                k--;
            }
            while (anchor.AddMonths(k * interval) < notBefore)
            {
                k++;
            }
            return anchor.AddMonths(k * interval);
        }
        var days = plan.IntervalWeeks > 0 ? plan.IntervalWeeks * 7 : plan.IntervalDays;
        if (days <= 0)
        {
            return null;
        }
        var gap = notBefore.DayNumber - anchor.DayNumber;
        var steps = Math.Max(1, (gap + days - 1) / days);
        return anchor.AddDays(steps * days);
    }

    /// <summary>The due window of an occurrence due on the local day <paramref name="dueDay"/>.</summary>
    public static DueWindow WindowOn(DateOnly dueDay, int windowDays, RegionCalendar calendar) =>
        new(calendar.StartOf(dueDay), calendar.StartOf(dueDay.AddDays(windowDays + 1)));

    /// <summary>The due window of a usage or condition trigger at <paramref name="at"/>: due then, on time until the end
    /// of the local day <paramref name="windowDays"/> later.</summary>
    public static DueWindow WindowFrom(DateTimeOffset at, int windowDays, RegionCalendar calendar) =>
        new(at, calendar.StartOf(calendar.DateOf(at).AddDays(windowDays + 1)));

    /// <summary>The occurrence of <paramref name="plan"/> due on the local day <paramref name="dueDay"/>, as the scheduler
    /// holds it.</summary>
    public static MaintenanceDue Due(string serial, MaintenancePlanTemplate plan, DateOnly dueDay, RegionCalendar calendar) =>
        new(serial, plan.Id, PeriodOf(dueDay), calendar.StartOf(dueDay), calendar.StartOf(dueDay.AddDays(-plan.LeadDays)));

    /// <summary>The stable name of the period of a time-based occurrence: its due day, <c>yyyy-MM-dd</c>.</summary>
    public static string PeriodOf(DateOnly dueDay) => dueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The due day a time-based period names; null when it names none.</summary>
    public static DateOnly? DayOf(string period) =>
        DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>True when the visit of <paramref name="window"/> is late at <paramref name="now"/>.</summary>
    public static bool IsOverdue(DueWindow window, DateTimeOffset now) => now >= window.End;
}
