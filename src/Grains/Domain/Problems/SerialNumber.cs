namespace AfterSales.Domain.Problems;

/// <summary>A serial number read as a series prefix and a numeric suffix (<c>HX200-000123</c> is series <c>HX200-</c>,
/// number 123), so that the serials of one production run compare by their number.</summary>
/// <param name="Text">The serial as given.</param>
/// <param name="Prefix">Everything before the trailing digits; compared case-insensitively.</param>
/// <param name="Number">The trailing digits as a number (leading zeros do not matter).</param>
internal readonly record struct SerialNumber(string Text, string Prefix, long Number)
{
    /// <summary>More trailing digits than this are not read as a number (they would not fit a <see cref="long"/>).</summary>
    public const int MaxDigits = 18;

    /// <summary>Reads <paramref name="serial"/>; false when it does not end in 1 to <see cref="MaxDigits"/> ASCII digits
    /// (such a serial belongs to no range, so it is never clustered).</summary>
    public static bool TryParse(string? serial, out SerialNumber parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(serial))
        {
            return false;
        }
        var start = serial.Length;
        while (start > 0 && char.IsAsciiDigit(serial[start - 1]))
        {
            start--;
        }
        var digits = serial.Length - start;
        if (digits is 0 or > MaxDigits)
        {
            return false;
        }
        var number = 0L;
        for (var i = start; i < serial.Length; i++)
        {
            number = (number * 10) + (serial[i] - '0');
        }
        parsed = new SerialNumber(serial, serial[..start], number);
        return true;
    }

    /// <summary>Reads a serial known to have a number (one stored after <see cref="TryParse"/> accepted it).</summary>
    public static SerialNumber Parse(string serial) =>
        TryParse(serial, out var parsed) ? parsed : throw new FormatException($"Serial '{serial}' does not end in a number.");

    /// <summary>True when both serials have the same prefix (ignoring case): only such serials share a range.</summary>
    public bool SameSeries(SerialNumber other) => string.Equals(Prefix, other.Prefix, StringComparison.OrdinalIgnoreCase);
}
