using System.Collections.Concurrent;
using AfterSales.Domain.Calendars;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Common;

/// <summary>The silo's <see cref="RegionCalendar"/> of each region: the time zone of
/// <see cref="AfterSalesOptions.RegionTimeZones"/> (checked at start), UTC for a region without one. Shift patterns and
/// maintenance due days are read in it.</summary>
internal sealed class RegionCalendars(IOptions<AfterSalesOptions> options)
{
    private readonly ConcurrentDictionary<string, RegionCalendar> _calendars = new(StringComparer.Ordinal);

    /// <summary>The calendar of <paramref name="region"/>; UTC days when the region has no time zone or is unknown (null).</summary>
    public RegionCalendar For(string? region) => _calendars.GetOrAdd(region ?? "", static (r, o) =>
        o.Value.RegionTimeZones.TryGetValue(r, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? new RegionCalendar(r, zone)
            : RegionCalendar.Utc(r), options);
}
