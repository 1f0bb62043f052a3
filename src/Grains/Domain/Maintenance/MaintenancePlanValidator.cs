using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain.Models;
using AfterSales.Models;

namespace AfterSales.Domain.Maintenance;

/// <summary>Checks one maintenance plan (of a model or of a device): an id, a name, tasks and a visit estimate within
/// the limits, exactly one schedule (days, weeks, months, a recurrence rule, or a meter with its usage interval), and
/// lead and window days within 0–365. Field paths are relative to <c>at</c>, e.g. <c>maintenancePlans[0].intervalDays</c>.</summary>
internal static class MaintenancePlanValidator
{
    private const string NoSchedule =
        "A plan needs one schedule: intervalDays, intervalWeeks, intervalMonths, recurrence, or meter with usageInterval.";

    public static IEnumerable<FieldError> Validate(MaintenancePlanTemplate plan, string at)
    {
        if (!ProductModelValidator.IsIdentifier(plan.Id))
        {
            yield return new(Path(at, "id"), ProductModelValidator.IdentifierMessage("A plan id", FieldLimits.Identifier));
        }
        if (ProductModelValidator.Text(plan.Name, FieldLimits.Name) is { } nameError)
        {
            yield return new(Path(at, "name"), nameError);
        }
        foreach (var error in Schedule(plan, at))
        {
            yield return error;
        }
        var tasks = plan.Tasks.IsDefault ? [] : plan.Tasks;
        if (tasks.Length > ProductModelLimits.PlanTasks)
        {
            yield return new(Path(at, "tasks"), $"A plan lists at most {ProductModelLimits.PlanTasks} tasks.");
        }
        for (var t = 0; t < tasks.Length; t++)
        {
            if (ProductModelValidator.Text(tasks[t], ProductModelLimits.PlanTaskText) is { } taskError)
            {
                yield return new(string.Create(CultureInfo.InvariantCulture, $"{Path(at, "tasks")}[{t}]"), taskError);
            }
        }
        if (plan.EstimatedMinutes is < ProductModelLimits.EstimatedMinutesMin or > ProductModelLimits.EstimatedMinutesMax)
        {
            yield return new(Path(at, "estimatedMinutes"), $"A visit is estimated at {ProductModelLimits.EstimatedMinutesMin} to {ProductModelLimits.EstimatedMinutesMax} minutes.");
        }
        if (plan.LeadDays is < 0 or > ProductModelLimits.LeadDaysMax)
        {
            yield return new(Path(at, "leadDays"), $"Lead days are 0 to {ProductModelLimits.LeadDaysMax}.");
        }
        if (plan.WindowDays is < 0 or > ProductModelLimits.WindowDaysMax)
        {
            yield return new(Path(at, "windowDays"), $"Window days are 0 to {ProductModelLimits.WindowDaysMax}.");
        }
    }

    /// <summary>The schedule: exactly one kind, each within its range.</summary>
    private static IEnumerable<FieldError> Schedule(MaintenancePlanTemplate plan, string at)
    {
        var given = ImmutableArray.CreateBuilder<string>();
        if (plan.IntervalDays != 0)
        {
            given.Add("intervalDays");
        }
        if (plan.IntervalWeeks != 0)
        {
            given.Add("intervalWeeks");
        }
        if (plan.IntervalMonths != 0)
        {
            given.Add("intervalMonths");
        }
        if (plan.Recurrence is not null)
        {
            given.Add("recurrence");
        }
        if (plan.Meter is not null || plan.UsageInterval != 0)
        {
            given.Add(plan.Meter is null ? "meter" : "usageInterval");
        }
        if (given.Count == 0)
        {
            yield return new(Path(at, "intervalDays"), NoSchedule);
            yield break;
        }
        if (given.Count > 1)
        {
            yield return new(Path(at, given[1]), $"A plan has one schedule; it already has {given[0]}.");
            yield break;
        }
        var error = given[0] switch
        {
            "intervalDays" => Range(plan.IntervalDays, ProductModelLimits.IntervalDaysMin, ProductModelLimits.IntervalDaysMax, "days"),
            "intervalWeeks" => Range(plan.IntervalWeeks, 1, ProductModelLimits.IntervalWeeksMax, "weeks"),
            "intervalMonths" => Range(plan.IntervalMonths, 1, ProductModelLimits.IntervalMonthsMax, "months"),
            "recurrence" => plan.Recurrence!.Length > ProductModelLimits.RecurrenceLength || string.IsNullOrWhiteSpace(plan.Recurrence)
                ? $"A recurrence rule has 1 to {ProductModelLimits.RecurrenceLength} characters."
                : RecurrenceRules.Error(plan.Recurrence),
            "meter" => "A usage-based plan names its meter.",
            _ => null,
        };
        if (error is not null)
        {
            yield return new(Path(at, given[0]), error);
        }
        if (plan.Meter is not null)
        {
            if (!ProductModelValidator.IsIdentifier(plan.Meter))
            {
                yield return new(Path(at, "meter"), ProductModelValidator.IdentifierMessage("A meter name", FieldLimits.Identifier));
            }
            if (plan.UsageInterval is <= 0 or > ProductModelLimits.UsageIntervalMax)
            {
                yield return new(Path(at, "usageInterval"), $"A usage interval is above 0 and at most {ProductModelLimits.UsageIntervalMax}.");
            }
            if (plan.LeadDays != 0)
            {
                yield return new(Path(at, "leadDays"), "A usage-based plan is due when its meter crosses the threshold: it has no lead days.");
            }
        }
    }

    private static string? Range(int value, int min, int max, string unit) =>
        value < min || value > max ? string.Create(CultureInfo.InvariantCulture, $"A plan's interval is {min} to {max} {unit}.") : null;

    private static string Path(string at, string field) => at.Length == 0 ? field : at + "." + field;
}
