namespace AfterSales.Models;

/// <summary>A condition-based maintenance rule of a model: a statistic over a meter's most recent readings compared
/// with a threshold. When it holds for <see cref="Sustained"/> readings in a row the device opens one condition-based
/// work order for the episode; it opens the next only after the condition stopped holding.</summary>
/// <param name="Id">Unique within the model (e.g. <c>bearing-overheat</c>).</param>
/// <param name="Meter">The model's meter the rule reads.</param>
/// <param name="Statistic">Last value, mean, max or rate of change (per hour).</param>
/// <param name="Window">How many of the meter's most recent readings the statistic covers (1–100; rate of change needs 2).</param>
/// <param name="Comparison">Above or below the threshold.</param>
/// <param name="Threshold">The value compared with.</param>
/// <param name="Sustained">Readings in a row the condition must hold before it raises a work order (1–100).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ConditionRule")]
public sealed record ConditionRule(
    [property: Id(0)] string Id,
    [property: Id(1)] string Meter,
    [property: Id(2)] ConditionStatistic Statistic,
    [property: Id(3)] int Window,
    [property: Id(4)] ConditionComparison Comparison,
    [property: Id(5)] double Threshold,
    [property: Id(6)] int Sustained = 1);
