namespace AfterSales.Maintenance;

/// <summary>When a maintenance occurrence is due and until when doing it still counts as on time.</summary>
/// <param name="DueAt">When the maintenance is due (for a usage or condition trigger: when the threshold was crossed).</param>
/// <param name="End">When the visit becomes late (≥ <c>dueAt</c>): from this moment on, a work order still open is
/// overdue.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DueWindow")]
public sealed record DueWindow(
    [property: Id(0)] DateTimeOffset DueAt,
    [property: Id(1)] DateTimeOffset End);
