using System.Globalization;
using AfterSales.Audit;

namespace AfterSales.Api.Audit;

/// <summary>The audit page cursor: the last entry of a page as <c>{UTC ticks}~{entry id}</c>, so the next page follows on
/// exactly where the last one ended, even while entries are added.</summary>
internal static class AuditCursor
{
    public const string Pattern = "^[0-9]{1,19}~[0-9a-f]{32}$";

    public static string Of(AuditPosition position) =>
        string.Create(CultureInfo.InvariantCulture, $"{position.At.UtcTicks}~{position.Id}");

    /// <summary>The position a cursor names, or null when it is no cursor.</summary>
    public static AuditPosition? Parse(string cursor)
    {
        var separator = cursor.IndexOf('~', StringComparison.Ordinal);
        if (separator <= 0 || cursor.Length - separator - 1 != 32
            || !long.TryParse(cursor.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }
        var id = cursor[(separator + 1)..];
        return id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') ? new AuditPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id) : null;
    }
}
