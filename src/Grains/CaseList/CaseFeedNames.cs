namespace AfterSales.CaseList;

/// <summary>Names of the case-event stream.</summary>
public static class CaseFeedNames
{
    /// <summary>The stream provider (memory streams in both modes: docs/CASE-LIST.md says why).</summary>
    public const string Provider = "CaseEvents";

    /// <summary>The stream namespace; a stream's key is its partition (<c>p00</c>…<c>p15</c>).</summary>
    public const string Namespace = "case-events";
}
