using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.CaseList;

/// <summary>One case as the case list shows it: a projection of the case's events, never read from the case grain.</summary>
/// <param name="Number">The case number.</param>
/// <param name="Type">Null only for a case whose events predate the list fields and whose opening text could not be read.</param>
/// <param name="Status">The status after the last applied event.</param>
/// <param name="Priority">As for <paramref name="Type"/>.</param>
/// <param name="Channel">As for <paramref name="Type"/>.</param>
/// <param name="Department">As for <paramref name="Type"/>.</param>
/// <param name="Region">As for <paramref name="Type"/>.</param>
/// <param name="AssigneeId">The technician holding (or last holding) the case.</param>
/// <param name="CustomerId">The customer (null for a problem, and for old events until the case changes again).</param>
/// <param name="DeviceSerial">The device, when the case has one.</param>
/// <param name="Subject">The subject ("" until known).</param>
/// <param name="Description">The description ("" until known).</param>
/// <param name="CreatedAt">When the case opened.</param>
/// <param name="UpdatedAt">When its last applied event happened.</param>
/// <param name="ResolvedAt">When it was resolved (null while open and after a reopen).</param>
/// <param name="SlaState">The SLA state (<c>ok</c>, <c>atRisk</c>, <c>warning</c>, <c>breached</c>); null until an
/// SLA feature fills it.</param>
/// <param name="LastSequence">The sequence of the last event of the case applied to this row.</param>
/// <param name="Kpi">The case's KPI facts; null while none of its events touched one.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CaseListRow")]
public sealed record CaseListRow(
    [property: Id(0)] string Number,
    [property: Id(1)] CaseType? Type,
    [property: Id(2)] CaseStatus Status,
    [property: Id(3)] CasePriority? Priority,
    [property: Id(4)] CaseChannel? Channel,
    [property: Id(5)] Department? Department,
    [property: Id(6)] string? Region,
    [property: Id(7)] string? AssigneeId,
    [property: Id(8)] string? CustomerId,
    [property: Id(9)] string? DeviceSerial,
    [property: Id(10)] string Subject,
    [property: Id(11)] string Description,
    [property: Id(12)] DateTimeOffset CreatedAt,
    [property: Id(13)] DateTimeOffset UpdatedAt,
    [property: Id(14)] DateTimeOffset? ResolvedAt,
    [property: Id(15)] string? SlaState,
    [property: Id(16)] long LastSequence,
    [property: Id(17)] CaseKpiFacts? Kpi = null);
