using System.Text;

namespace AfterSales.Console.Export;

/// <summary>Writes what a list shows as CSV (RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted
/// with its quotes doubled), after a UTF-8 byte order mark so a spreadsheet reads Chinese text as UTF-8. A cell starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading apostrophe, so a spreadsheet shows
/// it instead of evaluating it as a formula.</summary>
internal static class CsvText
{
    /// <summary>The byte order mark a spreadsheet needs to take the file as UTF-8.</summary>
    public const string ByteOrderMark = "\uFEFF";

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder(ByteOrderMark);
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }
        return text.ToString();
    }

    /// <summary>A CSV the API wrote, made readable by a spreadsheet: the byte order mark in front unless it has one.</summary>
    public static string WithByteOrderMark(string csv) => csv.StartsWith(ByteOrderMark, StringComparison.Ordinal) ? csv : ByteOrderMark + csv;

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var guarded = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return guarded.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + guarded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : guarded;
    }

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(Cell(cells[i]));
        }
        text.Append("\r\n");
    }
}
