namespace AfterSales.Maintenance;

/// <summary>One due occurrence of a device's maintenance plan, as the scheduler holds it and hands it back to the
/// device: at <see cref="FireAt"/> (the due time minus the plan's lead time) the scheduler sends it to the device,
/// which opens at most one work order per <see cref="PlanId"/> and <see cref="Period"/>.</summary>
/// <param name="Serial">The device.</param>
/// <param name="PlanId">The plan (a model plan's id, or a device plan's id).</param>
/// <param name="Period">Stable name of the due period within the plan (e.g. <c>2027-03-01</c> for a time-based plan,
/// <c>operatingHours@5000</c> for a usage-based one): the key of exactly-once.</param>
/// <param name="DueAt">When the maintenance is due.</param>
/// <param name="FireAt">When the work order is to be generated (≤ <paramref name="DueAt"/>).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MaintenanceDue")]
public sealed record MaintenanceDue(
    [property: Id(0)] string Serial,
    [property: Id(1)] string PlanId,
    [property: Id(2)] string Period,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] DateTimeOffset FireAt);
