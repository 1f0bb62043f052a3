namespace AfterSales.Models;

/// <summary>How a condition rule's statistic is compared with its threshold (strictly).</summary>
[GenerateSerializer, Alias("AfterSales.ConditionComparison")]
public enum ConditionComparison
{
    /// <summary>Holds when the statistic is greater than the threshold.</summary>
    Above = 0,
    /// <summary>Holds when the statistic is less than the threshold.</summary>
    Below = 1,
}
