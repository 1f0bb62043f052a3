using System.Globalization;
using System.Text;
using AfterSales.CaseList;
using AfterSales.Common;

namespace AfterSales.Api.CaseList;

/// <summary>Writes case-list rows as CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line break is
/// quoted with its quotes doubled). A text cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return gets a leading apostrophe, so a spreadsheet shows it instead of evaluating it as a formula.</summary>
internal static class CaseCsv
{
    public const string Header =
        "number,type,status,priority,channel,department,region,assigneeId,customerId,deviceSerial,subject,createdAt,updatedAt,resolvedAt,sla\r\n";

    public static void Append(StringBuilder line, CaseListRow row)
    {
        Field(line, row.Number, first: true);
        Field(line, Name(row.Type));
        Field(line, Name(row.Status));
        Field(line, Name(row.Priority));
        Field(line, Name(row.Channel));
        Field(line, row.Department is { } d ? DepartmentNames.ToSlug(d) : null);
        Field(line, row.Region);
        Field(line, row.AssigneeId);
        Field(line, row.CustomerId);
        Field(line, row.DeviceSerial);
        Field(line, row.Subject);
        Field(line, Time(row.CreatedAt));
        Field(line, Time(row.UpdatedAt));
        Field(line, row.ResolvedAt is { } resolved ? Time(resolved) : null);
        Field(line, row.SlaState);
        line.Append("\r\n");
    }

    /// <summary>One cell, guarded and quoted as needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Field(StringBuilder line, string? value, bool first = false)
    {
        if (!first)
        {
            line.Append(',');
        }
        line.Append(Cell(value));
    }

    // Times are written by the API, never by a user: no guard needed, but they pass the same path.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Name(v) : null;

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }
}
