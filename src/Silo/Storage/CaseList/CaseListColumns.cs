using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using System.Data.Common;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>How a <see cref="CaseListRow"/> maps to the columns both stores share: times as UTC ticks, enums as their
/// camelCase names, the department as its slug.</summary>
internal static class CaseListColumns
{
    public static readonly string Select =
        "number, type, status, priority, channel, department, region, assignee_id, customer_id, device_serial, subject, " +
        "description, created_ticks, updated_ticks, resolved_ticks, sla_state, last_sequence, " + string.Join(", ", CaseKpiColumns.Names);

    /// <summary>Rank of a priority for sorting (urgent 0 … low 3); unknown sorts last.</summary>
    public static int Rank(CasePriority? priority) => priority is { } p ? (int)p : 9;

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }

    public static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Name(v) : null;

    public static string? Slug(Department? department) => department is { } d ? DepartmentNames.ToSlug(d) : null;

    /// <summary>The values of a row's columns, in the order of an insert's parameters.</summary>
    public static IEnumerable<(string Name, object? Value)> Values(CaseListRow row) =>
    [
        ("number", row.Number), ("type", Name(row.Type)), ("status", Name(row.Status)), ("priority", Name(row.Priority)),
        ("priority_rank", Rank(row.Priority)), ("channel", Name(row.Channel)), ("department", Slug(row.Department)),
        ("region", row.Region), ("assignee_id", row.AssigneeId), ("customer_id", row.CustomerId), ("device_serial", row.DeviceSerial),
        ("subject", row.Subject), ("description", row.Description), ("created_ticks", row.CreatedAt.UtcTicks),
        ("updated_ticks", row.UpdatedAt.UtcTicks), ("resolved_ticks", row.ResolvedAt?.UtcTicks), ("sla_state", row.SlaState),
        ("last_sequence", row.LastSequence), .. CaseKpiColumns.Values(row.Kpi),
    ];

    /// <summary>Reads a row selected with <see cref="Select"/> (columns from <paramref name="offset"/>).</summary>
    public static CaseListRow Read(DbDataReader reader, int offset = 0)
    {
        string? Text(int i) => reader.IsDBNull(offset + i) ? null : reader.GetString(offset + i);
        DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
        return new CaseListRow(
            reader.GetString(offset),
            Parse<CaseType>(Text(1)),
            Parse<CaseStatus>(Text(2)) ?? CaseStatus.New,
            Parse<CasePriority>(Text(3)),
            Parse<CaseChannel>(Text(4)),
            DepartmentNames.TryParse(Text(5), out var department) ? department : null,
            Text(6), Text(7), Text(8), Text(9),
            reader.GetString(offset + 10),
            reader.GetString(offset + 11),
            At(reader.GetInt64(offset + 12)),
            At(reader.GetInt64(offset + 13)),
            reader.IsDBNull(offset + 14) ? null : At(reader.GetInt64(offset + 14)),
            Text(15),
            reader.GetInt64(offset + 16),
            CaseKpiColumns.Read(reader, offset + 17));
    }

    private static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        name is not null && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) ? value : null;
}
