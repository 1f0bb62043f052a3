namespace AfterSales.CaseList;

/// <summary>Where a page of the case list ended: the last row's sort key and number (keyset pagination, so a row
/// whose sort key did not change is never skipped or repeated however the list changes between pages).</summary>
/// <param name="Key">The sort key of the last row: UTC ticks of a time, or the priority rank.</param>
/// <param name="Number">The last row's case number.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CaseListCursor")]
public sealed record CaseListCursor([property: Id(0)] long Key, [property: Id(1)] string Number);
