namespace AfterSales.CaseList;

/// <summary>What the case list is ordered by; ties are broken by case number, in the same direction.</summary>
[GenerateSerializer, Alias("AfterSales.CaseList.CaseListSort")]
public enum CaseListSort
{
    CreatedAt = 0,
    UpdatedAt = 1,
    /// <summary>By priority rank (urgent first when ascending).</summary>
    Priority = 2,
}
