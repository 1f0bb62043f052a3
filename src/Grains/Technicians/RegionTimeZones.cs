using System.Collections.Concurrent;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Technicians;

/// <summary>The time zone each region's shift patterns are read in (<see cref="AfterSalesOptions.RegionTimeZones"/>; UTC otherwise).</summary>
internal sealed class RegionTimeZones(IOptions<AfterSalesOptions> options)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    public TimeZoneInfo For(string region) => _zones.GetOrAdd(region, static (r, o) =>
        o.Value.RegionTimeZones.TryGetValue(r, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc, options);
}
