using System.Collections.Immutable;

namespace AfterSales.CaseList;

/// <summary>One page of the case list.</summary>
/// <param name="Rows">The rows, in the query's order.</param>
/// <param name="Next">Where the next page starts; null on the last page.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CaseListPage")]
public sealed record CaseListPage([property: Id(0)] ImmutableArray<CaseListRow> Rows, [property: Id(1)] CaseListCursor? Next);
