namespace AfterSales.Domain.Calendars;

/// <summary>
/// The calendar of a region: the local days its dates are read in. Maintenance is due on local days (a plan "every
/// month on the 1st" is due when the 1st begins in the region), so due windows, periods and anchors are local dates and
/// their instants are local midnights. Today the calendar is its time zone only; working days and holidays of a region
/// belong here when they are added.
/// </summary>
/// <remarks>Local times are wall-clock times: a midnight that does not exist (clocks jump forward at 00:00 in some
/// zones) happens when the clocks land after the jump; one that exists twice happens the first time.</remarks>
/// <param name="Region">The region (empty for the default calendar).</param>
/// <param name="Zone">The region's time zone (UTC when none is configured).</param>
internal sealed record RegionCalendar(string Region, TimeZoneInfo Zone)
{
    /// <summary>The calendar of a region without a configured time zone: UTC days.</summary>
    public static RegionCalendar Utc(string region) => new(region, TimeZoneInfo.Utc);

    /// <summary>The IANA id of the calendar's time zone, e.g. <c>Asia/Shanghai</c> (<c>UTC</c> by default).</summary>
    public string TimeZoneId => Zone.Id;

    /// <summary>The local date of <paramref name="instant"/> in the region.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant <paramref name="day"/> begins in the region (its local midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day) => ToInstant(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>The instant a wall-clock time happens in <paramref name="zone"/> (see the remarks for the skipped and
    /// repeated hours).</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a forward jump: the first existing minute after it is where the clocks landed.
            var landed = local;
            do
            {
                landed = landed.AddMinutes(1);
            }
            while (zone.IsInvalidTime(landed));
            landed = landed.AddTicks(-(landed.Ticks % TimeSpan.TicksPerMinute));
            return new DateTimeOffset(landed, zone.GetUtcOffset(landed));
        }
        if (zone.IsAmbiguousTime(local))
        {
            // Repeated by a backward jump: the first occurrence has the larger offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
