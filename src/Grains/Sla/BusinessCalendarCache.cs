using AfterSales.Domain.Sla;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Sla;

/// <summary>A region's calendar as stored, and built for arithmetic once per version.</summary>
internal sealed record CachedCalendar(BusinessCalendarSnapshot Snapshot, BusinessCalendar Calendar)
{
    public static CachedCalendar Of(BusinessCalendarSnapshot snapshot) => new(snapshot, BusinessCalendar.From(snapshot.Definition));
}

/// <summary>The silo's copy of each region's business calendar (see <see cref="SnapshotCache{T}"/>).</summary>
internal sealed class BusinessCalendarCache(IGrainFactory grains, IOptions<SlaOptions> options, TimeProvider time, ILogger<BusinessCalendarCache> logger)
    : SnapshotCache<CachedCalendar>(options, time, logger)
{
    protected override string Name(string key) => $"the business calendar of {key}";

    protected override int VersionOf(CachedCalendar value) => value.Snapshot.Version;

    protected override async Task<CachedCalendar> FetchAsync(string key) =>
        CachedCalendar.Of(await grains.GetGrain<IBusinessCalendarGrain>(key).GetAsync());
}
