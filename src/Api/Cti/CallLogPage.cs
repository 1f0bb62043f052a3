using System.Globalization;
using AfterSales.Cti;

namespace AfterSales.Api.Cti;

/// <summary>Pages a day's call log, newest call first (ties by call id, descending). The cursor names the last call of a
/// page as <c>{start ticks}~{call id}</c> (call ids never hold <c>~</c>), so a page follows on where the last one ended
/// even while calls are added.</summary>
internal static class CallLogPage
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const string CursorPattern = "^[0-9]{1,19}~[A-Za-z0-9._:@-]{1,128}$";

    public static (IReadOnlyList<CtiCallLogEntry> Page, string? Next) Take(
        IEnumerable<CtiCallLogEntry> entries, string? customerId, (long Ticks, string CallId)? after, int limit)
    {
        var ordered = entries
            .Where(e => customerId is null || e.CustomerId == customerId)
            .OrderByDescending(e => e.StartedAt.UtcTicks).ThenByDescending(e => e.CallId, StringComparer.Ordinal)
            .Where(e => after is not { } a || e.StartedAt.UtcTicks < a.Ticks
                || e.StartedAt.UtcTicks == a.Ticks && string.CompareOrdinal(e.CallId, a.CallId) < 0)
            .Take(limit + 1)
            .ToList();
        if (ordered.Count <= limit)
        {
            return (ordered, null);
        }
        var last = ordered[limit - 1];
        return (ordered[..limit], Cursor(last));
    }

    public static string Cursor(CtiCallLogEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.StartedAt.UtcTicks}~{entry.CallId}");

    /// <summary>The position a cursor names, or null when it is no cursor.</summary>
    public static (long Ticks, string CallId)? Parse(string cursor)
    {
        var separator = cursor.IndexOf('~', StringComparison.Ordinal);
        return separator > 0
            && long.TryParse(cursor.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= 0
            && CtiEventValidation.CallIdRegex().IsMatch(cursor[(separator + 1)..])
            ? (ticks, cursor[(separator + 1)..])
            : null;
    }
}
