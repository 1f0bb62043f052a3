namespace AfterSales.Readings;

/// <summary>A condition rule of the device's model that currently holds: one episode, one work order.</summary>
/// <param name="RuleId">The model's condition rule.</param>
/// <param name="Since">When the episode began (the reading that made it raise).</param>
/// <param name="WorkOrder">The condition-based work order the episode opened, once opened.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ConditionEpisode")]
public sealed record ConditionEpisode(
    [property: Id(0)] string RuleId,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] string? WorkOrder);
