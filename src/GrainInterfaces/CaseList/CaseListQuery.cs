using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.CaseList;

/// <summary>A filter, an order and a page of the case list. Each filter is a set of accepted values (empty: any);
/// filters combine with AND, values of one filter with OR.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CaseListQuery")]
public sealed record CaseListQuery
{
    [Id(0)] public ImmutableArray<CaseStatus> Statuses { get; init; } = [];
    [Id(1)] public ImmutableArray<Department> Departments { get; init; } = [];
    [Id(2)] public ImmutableArray<string> Regions { get; init; } = [];
    [Id(3)] public ImmutableArray<CasePriority> Priorities { get; init; } = [];
    [Id(4)] public ImmutableArray<string> Assignees { get; init; } = [];
    [Id(5)] public ImmutableArray<string> Customers { get; init; } = [];
    [Id(6)] public ImmutableArray<string> SlaStates { get; init; } = [];
    /// <summary>Words that must all occur in the subject or the description (substring match, case-insensitive).</summary>
    [Id(7)] public ImmutableArray<string> Words { get; init; } = [];
    [Id(8)] public CaseListSort Sort { get; init; }
    [Id(9)] public bool Descending { get; init; } = true;
    /// <summary>Continue after this row (null: the first page).</summary>
    [Id(10)] public CaseListCursor? After { get; init; }
    [Id(11)] public int Limit { get; init; } = 50;
}
