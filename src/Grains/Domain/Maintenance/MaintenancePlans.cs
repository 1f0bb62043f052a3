using System.Globalization;
using System.Text;
using AfterSales.Common;
using AfterSales.Domain.Calendars;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Domain.Maintenance;

/// <summary>How plans read and how their work orders are worded.</summary>
internal static class MaintenancePlans
{
    /// <summary>The plan's schedule in words, e.g. <c>every 6 months</c>, <c>RRULE FREQ=YEARLY;BYMONTH=3</c>,
    /// <c>every 500 operatingHours</c>.</summary>
    public static string Describe(MaintenancePlanTemplate plan) => plan switch
    {
        { Meter: { } meter } => string.Create(CultureInfo.InvariantCulture, $"every {plan.UsageInterval / 1.0000000000000000000000000000m} {meter}"),
        { Recurrence: { } rule } => $"RRULE {rule}",
        { IntervalMonths: > 0 } => Every(plan.IntervalMonths, "month"),
        { IntervalWeeks: > 0 } => Every(plan.IntervalWeeks, "week"),
        _ => Every(plan.IntervalDays, "day"),
    };

    /// <summary>The plan as stored: texts trimmed, a missing task list empty.</summary>
    public static MaintenancePlanTemplate Normalize(MaintenancePlanTemplate plan) => plan with
    {
        Id = plan.Id.Trim(),
        Name = plan.Name.Trim(),
        Tasks = [.. (plan.Tasks.IsDefault ? [] : plan.Tasks).Select(t => t.Trim())],
        Recurrence = plan.Recurrence?.Trim(),
        Meter = plan.Meter?.Trim(),
    };

    /// <summary>True when both plans say the same (records compare their task arrays by reference).</summary>
    public static bool SameAs(MaintenancePlanTemplate a, MaintenancePlanTemplate b) =>
        a with { Tasks = [] } == b with { Tasks = [] } && a.Tasks.SequenceEqual(b.Tasks, StringComparer.Ordinal);

    public static string Subject(MaintenancePlanTemplate? plan, MaintenanceOrder order, string model, string serial)
    {
        var subject = $"{plan?.Name ?? order.SourceId} of {model} {serial} ({order.Period})";
        return subject.Length <= FieldLimits.Subject ? subject : subject[..FieldLimits.Subject];
    }

    /// <summary>The work order's text: its due window in the region's local time, the evidence, the plan's estimate and
    /// tasks.</summary>
    public static string Description(MaintenancePlanTemplate? plan, MaintenanceOrder order, RegionCalendar calendar)
    {
        var text = new StringBuilder();
        var due = TimeZoneInfo.ConvertTime(order.Window.DueAt, calendar.Zone);
        var end = TimeZoneInfo.ConvertTime(order.Window.End, calendar.Zone);
        text.Append(CultureInfo.InvariantCulture,
            $"Due {due:yyyy-MM-dd HH:mm}, on time until {end:yyyy-MM-dd HH:mm} ({calendar.TimeZoneId}). {order.Evidence}");
        if (plan is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nEstimated {plan.EstimatedMinutes} minutes.");
            foreach (var task in plan.Tasks.IsDefault ? [] : plan.Tasks)
            {
                text.Append("\n- ").Append(task);
            }
        }
        return text.Length <= FieldLimits.Description ? text.ToString() : text.ToString(0, FieldLimits.Description);
    }

    private static string Every(int count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"every {count} {unit}{(count == 1 ? "" : "s")}");
}
