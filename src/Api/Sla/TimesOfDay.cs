using System.Globalization;
using AfterSales.Api.Validation;

namespace AfterSales.Api.Sla;

/// <summary>The wire format of working hours: <c>HH:mm</c> local time, and <c>24:00</c> for the end of the day.</summary>
internal static class TimesOfDay
{
    /// <summary><c>00:00</c> to <c>23:59</c>, or <c>24:00</c>.</summary>
    public const string Pattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";

    public static string Format(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    /// <summary>Minutes after midnight, or null (with an error) when missing or not in the pattern.</summary>
    public static int? Minutes(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, FieldRules.Required);
            return null;
        }
        if (value.Length != 5 || value[2] != ':'
            || !int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(value.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            errors.Add(field, "A time of day is HH:mm, 00:00 to 23:59, or 24:00 for the end of the day.");
            return null;
        }
        return hours * 60 + minutes;
    }
}
