namespace AfterSales.Routing;

/// <summary>When a department-region starts offering waiting cases to its neighbour regions: when its queue
/// holds at least <paramref name="QueueLength"/> cases, or its oldest case has waited <paramref name="OldestWait"/>.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.OverflowThresholds")]
public sealed record OverflowThresholds(
    [property: Id(0)] int QueueLength,
    [property: Id(1)] TimeSpan OldestWait);
