namespace AfterSales.Models;

/// <summary>What a condition rule computes over its window of a meter's most recent readings.</summary>
[GenerateSerializer, Alias("AfterSales.ConditionStatistic")]
public enum ConditionStatistic
{
    /// <summary>The newest value.</summary>
    Last = 0,
    /// <summary>The arithmetic mean of the window's values.</summary>
    Mean = 1,
    /// <summary>The largest value of the window.</summary>
    Max = 2,
    /// <summary>(newest − oldest) / hours between them: units per hour across the window.</summary>
    RateOfChange = 3,
}
