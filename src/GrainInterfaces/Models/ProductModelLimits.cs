using AfterSales.Common;

namespace AfterSales.Models;

/// <summary>Size limits of a product model's definition: the API publishes them and the model grain enforces them.
/// Names of skills, ids and codes follow <see cref="FieldLimits"/>.</summary>
public static class ProductModelLimits
{
    public const int ChecklistItems = 100;
    public const int ChecklistText = 500;
    public const int Unit = 16;
    public const int MaintenancePlans = 20;
    public const int PlanTasks = 50;
    public const int PlanTaskText = 500;
    public const int IntervalDaysMin = 1;
    public const int IntervalDaysMax = 3650;
    public const int IntervalWeeksMax = 520;
    public const int IntervalMonthsMax = 120;
    public const int RecurrenceLength = 500;
    public const int LeadDaysMax = 365;
    public const int WindowDaysMax = 365;

    /// <summary>Largest usage interval of a usage-based plan (in the meter's units).</summary>
    public const long UsageIntervalMax = 1_000_000_000;
    public const int EstimatedMinutesMin = 1;
    public const int EstimatedMinutesMax = 1440;
    public const int FaultCodes = 500;
    public const int SolutionsPerFaultCode = 50;
    public const int WarrantyMonthsMin = 0;
    public const int WarrantyMonthsMax = 120;

    /// <summary>Largest absolute value of a checklist bound (a decimal with room for any physical unit).</summary>
    public const long BoundMagnitude = 1_000_000_000;

    /// <summary>Most models one page of the catalogue answers.</summary>
    public const int PageMax = 500;
}
