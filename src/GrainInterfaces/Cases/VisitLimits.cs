using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>Limits of a visit record, enforced by the case and published in the OpenAPI document.</summary>
public static class VisitLimits
{
    /// <summary>Most visits one case keeps (a case needing more is a case for a supervisor).</summary>
    public const int VisitsPerCase = 100;
    public const int WorkDone = FieldLimits.Summary;
    public const int Parts = 50;
    public const int PartNumber = FieldLimits.Identifier;
    public const int QuantityMin = 1;
    public const int QuantityMax = 10_000;
    public const int MinutesMin = 1;
    /// <summary>Longest time on site one visit records (24 hours); a longer stay is recorded as several visits.</summary>
    public const int MinutesMax = 1440;
}
