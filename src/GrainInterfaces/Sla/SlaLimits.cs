namespace AfterSales.Sla;

/// <summary>The bounds of SLA policies and business calendars, shared by the API's schema and the grains' checks.</summary>
public static class SlaLimits
{
    public const int MaxIntervalsPerDay = 8;
    public const int MaxWeekEntries = MaxIntervalsPerDay * 7;
    public const int MaxHolidays = 1000;
    public const int MaxHolidayNameLength = 200;
    public const int MaxRules = 500;
    public const int MinWarningPercent = 1;
    public const int MaxWarningPercent = 99;
    public const int DefaultWarningPercent = 75;

    /// <summary>The longest iCalendar file a holiday import reads, in characters (1 MiB).</summary>
    public const int MaxCalendarFileLength = 1024 * 1024;
}
