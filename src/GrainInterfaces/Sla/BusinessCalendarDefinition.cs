using System.Collections.Immutable;

namespace AfterSales.Sla;

/// <summary>The business calendar of a region: where its working hours are read and when they are.</summary>
/// <param name="TimeZone">IANA time zone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Week">Working hours per weekday; a weekday without entries is closed.</param>
/// <param name="Holidays">Dates closed (or open shorter), in date order.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.BusinessCalendarDefinition")]
public sealed record BusinessCalendarDefinition(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] ImmutableArray<WeeklyHours> Week,
    [property: Id(2)] ImmutableArray<Holiday> Holidays);

/// <summary>A region's business calendar as stored. <see cref="Version"/> is the ETag; version 0 is the default
/// calendar of a region that has none stored.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.BusinessCalendarSnapshot")]
public sealed record BusinessCalendarSnapshot(
    [property: Id(0)] string Region,
    [property: Id(1)] BusinessCalendarDefinition Definition,
    [property: Id(2)] int Version,
    [property: Id(3)] DateTimeOffset? UpdatedAt)
{
    /// <summary>True while the region has no calendar of its own.</summary>
    public bool IsDefault => Version == 0;
}

/// <summary>Replaces a region's calendar (PUT).</summary>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.ReplaceBusinessCalendarRequest")]
public sealed record ReplaceBusinessCalendarRequest(
    [property: Id(0)] BusinessCalendarDefinition Definition,
    [property: Id(1)] int? ExpectedVersion = null);

/// <summary>Replaces only the holidays of a region's calendar with those of an iCalendar (RFC 5545) file.</summary>
/// <param name="Calendar">The file's text (at most <see cref="SlaLimits.MaxCalendarFileLength"/> characters).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.ImportHolidaysRequest")]
public sealed record ImportHolidaysRequest(
    [property: Id(0)] string Calendar,
    [property: Id(1)] int? ExpectedVersion = null);
