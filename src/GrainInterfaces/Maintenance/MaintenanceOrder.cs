namespace AfterSales.Maintenance;

/// <summary>What a maintenance work order (a case of type <c>maintenance</c>) is for: the plan or condition rule that
/// made it due, the period (the key of exactly-once with the source), the trigger, its evidence and the due window.</summary>
/// <param name="SourceId">The plan id (time, usage) or condition rule id (condition).</param>
/// <param name="Period">The occurrence within the source, e.g. <c>2027-03-01</c> or <c>operatingHours@5000</c>.</param>
/// <param name="Trigger">Time, usage or condition.</param>
/// <param name="Window">When it is due, and until when the visit is on time.</param>
/// <param name="Evidence">What triggered it, in words.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MaintenanceOrder")]
public sealed record MaintenanceOrder(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string Period,
    [property: Id(2)] MaintenanceTriggerKind Trigger,
    [property: Id(3)] DueWindow Window,
    [property: Id(4)] string Evidence);
