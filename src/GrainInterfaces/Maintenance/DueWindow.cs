namespace AfterSales.Maintenance;

/// <summary>When a maintenance occurrence is due and until when doing it still counts as on time: a work order not
/// done by <see cref="End"/> is overdue.</summary>
/// <param name="DueAt">When the maintenance is due (for a usage or condition trigger: when the threshold was crossed).</param>
/// <param name="End">The last moment the visit is on time (≥ <paramref name="DueAt"/>).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DueWindow")]
public sealed record DueWindow(
    [property: Id(0)] DateTimeOffset DueAt,
    [property: Id(1)] DateTimeOffset End);
