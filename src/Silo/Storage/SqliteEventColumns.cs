using System.Globalization;

namespace AfterSales.Silo.Storage;

/// <summary>How an event's id and time are kept as text in SQLite: the id as a lower-case GUID, the time in UTC to
/// the microsecond (what PostgreSQL's <c>timestamptz</c> keeps too), as ISO-8601 text that sorts in time order.</summary>
internal static class SqliteEventColumns
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string EventId(Guid eventId) => eventId.ToString("D", CultureInfo.InvariantCulture);

    public static Guid EventId(string text) => Guid.ParseExact(text, "D");

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) =>
        new(DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
