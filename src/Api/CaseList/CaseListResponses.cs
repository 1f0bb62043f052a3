using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Api.CaseList;

/// <summary>One case of the list.</summary>
public sealed record CaseListItemResponse(
    string Number,
    CaseType? Type,
    CaseStatus Status,
    CasePriority? Priority,
    CaseChannel? Channel,
    Department? Department,
    string? Region,
    string? AssigneeId,
    string? CustomerId,
    string? DeviceSerial,
    string Subject,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    string? Sla,
    long Sequence)
{
    internal static CaseListItemResponse From(CaseListRow row) => new(
        row.Number, row.Type, row.Status, row.Priority, row.Channel, row.Department, row.Region, row.AssigneeId, row.CustomerId,
        row.DeviceSerial, row.Subject, row.Description, row.CreatedAt, row.UpdatedAt, row.ResolvedAt, row.SlaState, row.LastSequence);
}

/// <summary>How far the list has followed the case events.</summary>
/// <param name="Position">Every journal event at or below this position is in the list.</param>
/// <param name="Head">The journal's last position when the page was read.</param>
/// <param name="Lag">Head minus position: journal events not yet confirmed in the list.</param>
public sealed record CaseListProgressResponse(long Position, long Head, long Lag)
{
    internal static CaseListProgressResponse From(ProjectionProgress progress) => new(progress.Position, progress.Head, progress.Lag);
}

/// <summary>A page of the case list.</summary>
/// <param name="Items">The cases, in the requested order.</param>
/// <param name="Next">The link of the next page (same filters and sort, with its cursor); null on the last page.</param>
/// <param name="Progress">How far the list has followed the case events when the page was read.</param>
public sealed record CaseListResponse(IReadOnlyList<CaseListItemResponse> Items, string? Next, CaseListProgressResponse Progress);
