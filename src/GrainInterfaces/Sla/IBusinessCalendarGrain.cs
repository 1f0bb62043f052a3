using AfterSales.Common;

namespace AfterSales.Sla;

/// <summary>
/// Owns one region's business calendar (key: the region). A region without a stored calendar answers the default
/// one (version 0). SLA clocks never call it per case: each silo keeps a cached copy per region.
/// </summary>
[Alias("AfterSales.Sla.IBusinessCalendarGrain")]
public interface IBusinessCalendarGrain : IGrainWithStringKey
{
    /// <summary>The region's calendar (the default when none is stored).</summary>
    [Alias("Get"), ReadOnly]
    Task<BusinessCalendarSnapshot> GetAsync();

    /// <summary>Replaces the calendar; refused with a field-level error when invalid, 412 on a stale version.</summary>
    [Alias("Replace")]
    Task<Result<BusinessCalendarSnapshot>> ReplaceAsync(ReplaceBusinessCalendarRequest request);

    /// <summary>Replaces the holidays only, keeping the time zone and weekly hours, with the all-day events of an
    /// iCalendar file: 400 when it does not parse, 422 when it cannot be used (no events, a timed event, too many days).</summary>
    [Alias("ImportHolidays")]
    Task<Result<BusinessCalendarSnapshot>> ImportHolidaysAsync(ImportHolidaysRequest request);
}
