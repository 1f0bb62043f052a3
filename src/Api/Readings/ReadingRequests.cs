using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Readings;

namespace AfterSales.Api.Readings;

/// <summary>One reading of one meter of the device in the route.</summary>
/// <param name="Meter">A meter of the device's model.</param>
/// <param name="Value">The meter's value. A counter's value is never negative and never below its last one unless
/// <paramref name="Reset"/> says the counter was reset.</param>
/// <param name="At">When the device measured it (ISO 8601 with offset). A reading at or before the meter's last one is
/// already superseded and ignored (counted as stale).</param>
/// <param name="Reset">The counter was reset (replaced, zeroed) before this reading. Default false.</param>
public sealed record ReadingRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"operatingHours\"")] string? Meter,
    [property: Required, Range(-1e15, 1e15), Example("1520.5")] double? Value,
    [property: Required, Example("\"2026-11-30T08:00:00+00:00\"")] DateTimeOffset? At,
    bool? Reset = null)
{
    /// <param name="path">The row's path in a batch (<c>readings[3]</c>); null for a single reading's body.</param>
    internal MeterReading? ToContract(ValidationErrors errors, string? path)
    {
        var meter = errors.RequiredIdentifier(FieldPaths.Member(path, "meter"), Meter);
        var value = errors.RequiredValue(FieldPaths.Member(path, "value"), Value);
        var at = errors.RequiredValue(FieldPaths.Member(path, "at"), At);
        return meter is null || value is null || at is null ? null : new MeterReading(meter, value.Value, at.Value, Reset ?? false);
    }
}

/// <summary>One row of a batch: a reading of one meter of one device.</summary>
/// <param name="Serial">The device's serial number.</param>
/// <param name="Meter">A meter of the device's model.</param>
/// <param name="Value">The meter's value (see the single reading).</param>
/// <param name="At">When the device measured it (ISO 8601 with offset).</param>
/// <param name="Reset">The counter was reset before this reading. Default false.</param>
public sealed record BatchReadingRow(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"SN-HX200-0001\"")] string? Serial,
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"operatingHours\"")] string? Meter,
    [property: Required, Range(-1e15, 1e15), Example("1520.5")] double? Value,
    [property: Required, Example("\"2026-11-30T08:00:00+00:00\"")] DateTimeOffset? At,
    bool? Reset = null);

/// <summary>Readings of many devices in one request, as a gateway sends them.</summary>
/// <param name="Readings">1 to 2,000 rows, in the order each meter measured them.</param>
public sealed record BatchReadingsRequest(
    [property: Required, MinLength(1), MaxLength(ReadingLimits.BatchRows)] IReadOnlyList<BatchReadingRow?>? Readings);

/// <summary>What the readings of a request did.</summary>
/// <param name="Readings">Rows received.</param>
/// <param name="Applied">Rows that changed a meter (durable when this answer is sent).</param>
/// <param name="Stale">Rows at or before their meter's last reading: already known, ignored.</param>
/// <param name="Devices">Devices the rows were for.</param>
/// <param name="WorkOrders">Maintenance work orders the readings opened (usage thresholds, condition episodes).</param>
public sealed record ReadingsResponse(int Readings, int Applied, int Stale, int Devices, string[] WorkOrders);

/// <summary>Limits of the readings endpoints.</summary>
internal static class ReadingLimits
{
    /// <summary>Most rows a batch carries.</summary>
    public const int BatchRows = 2000;

    /// <summary>Largest batch body: 2,000 rows of ~200 bytes with room to spare.</summary>
    public const long BatchBodyBytes = 1024 * 1024;
}
