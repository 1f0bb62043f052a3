namespace AfterSales.Cases;

/// <summary>Urgency of a case; the numeric order is the queue order (urgent first).</summary>
[GenerateSerializer, Alias("AfterSales.CasePriority")]
public enum CasePriority
{
    Urgent = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}
