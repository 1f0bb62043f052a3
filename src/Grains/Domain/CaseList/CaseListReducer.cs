using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Domain.CaseList;

/// <summary>Folds a case's events, in sequence order, into its case-list row. The same events always give the same
/// row, which is what makes a rebuild give the same answers.</summary>
/// <remarks>Events written before the list existed carry no <see cref="CaseFacts"/>: their status comes from the
/// event's <c>to</c>, the times from the events' times, and type, priority, channel, department and region from the
/// text of the <c>opened</c> event (<c>fault, high priority, via phone; triaged to technical-support/east</c>); subject,
/// customer, device and assignee stay empty until the case's next write, whose last event carries the facts (the
/// description of such a case stays empty).</remarks>
internal static class CaseListReducer
{
    public static CaseListRow Apply(CaseListRow? row, string number, long sequence, DateTimeOffset at, string kind, string data)
    {
        var payload = CaseEventPayload.Deserialize(data);
        at = ToMicroseconds(at);
        row ??= new CaseListRow(number, null, CaseStatus.New, null, null, null, null, null, null, null, "", "", at, at, null, null, 0);
        if (kind == CaseEventKinds.Opened)
        {
            row = FromOpenedText(row with { CreatedAt = at }, payload.Details);
        }
        if (Parse<CaseStatus>(payload.To) is { } to)
        {
            row = row with { Status = to };
        }
        if (kind == CaseEventKinds.Of(CaseAction.Resolve))
        {
            row = row with { ResolvedAt = at };
        }
        else if (kind == CaseEventKinds.Of(CaseAction.Reopen))
        {
            row = row with { ResolvedAt = null };
        }
        if (payload.Facts is { } facts)
        {
            row = WithFacts(row, facts);
        }
        return row with { UpdatedAt = at, LastSequence = sequence, Kpi = Kpis.CaseKpiReducer.Apply(row.Kpi, at, kind, payload.Details) };
    }

    private static CaseListRow WithFacts(CaseListRow row, CaseFacts facts) => row with
    {
        Type = Parse<CaseType>(facts.Type) ?? row.Type,
        Priority = Parse<CasePriority>(facts.Priority) ?? row.Priority,
        Channel = Parse<CaseChannel>(facts.Channel) ?? row.Channel,
        Status = Parse<CaseStatus>(facts.Status) ?? row.Status,
        Department = DepartmentNames.TryParse(facts.Department, out var department) ? department : row.Department,
        Region = facts.Region,
        CustomerId = facts.CustomerId,
        DeviceSerial = facts.DeviceSerial,
        Subject = facts.Subject,
        Description = facts.Description ?? row.Description,
        AssigneeId = facts.AssigneeId,
        CreatedAt = ToMicroseconds(facts.CreatedAt),
        ResolvedAt = facts.ResolvedAt is { } resolved ? ToMicroseconds(resolved) : null,
        SlaState = facts.Sla,
    };

    /// <summary>The journal keeps times to the microsecond, the live stream to the tick: the list keeps the journal's
    /// precision, so a rebuild gives the same times as following live.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));

    /// <summary>Reads <c>{type}, {priority} priority, via {channel}; triaged to {department}/{region}[: …]</c>, taking
    /// what parses and leaving the rest.</summary>
    private static CaseListRow FromOpenedText(CaseListRow row, string? details)
    {
        if (details is null)
        {
            return row;
        }
        var parts = details.Split(';', 2);
        var head = parts[0].Split(',', StringSplitOptions.TrimEntries);
        if (head.Length == 3)
        {
            row = row with
            {
                Type = Parse<CaseType>(head[0]) ?? row.Type,
                Priority = Parse<CasePriority>(head[1].Replace(" priority", "", StringComparison.Ordinal)) ?? row.Priority,
                Channel = Parse<CaseChannel>(head[2].Replace("via ", "", StringComparison.Ordinal)) ?? row.Channel,
            };
        }
        const string Triaged = "triaged to ";
        if (parts.Length == 2 && parts[1].Trim() is var tail && tail.StartsWith(Triaged, StringComparison.Ordinal))
        {
            var key = tail[Triaged.Length..].Split(':', 2)[0].Split('/', 2);
            if (key.Length == 2 && DepartmentNames.TryParse(key[0], out var department))
            {
                row = row with { Department = department, Region = key[1] };
            }
        }
        return row;
    }

    private static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        name is { Length: > 0 } && !char.IsDigit(name[0]) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
