using AfterSales.Models;

namespace AfterSales.Maintenance;

/// <summary>One of a device's maintenance plans as it stands: the plan (the model's, or the device's own), its next
/// occurrence and the last visit.</summary>
/// <param name="Plan">The plan in force for the device.</param>
/// <param name="FromModel">True for a plan inherited from the model; false for the device's own (which replaces a model
/// plan of the same id).</param>
/// <param name="Next">The next occurrence handed to the scheduler (time-based plans without an open work order).</param>
/// <param name="LastVisitOn">The day the plan's last work order ended.</param>
/// <param name="OpenWorkOrder">The plan's open work order, if any.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MaintenancePlanStatus")]
public sealed record MaintenancePlanStatus(
    [property: Id(0)] MaintenancePlanTemplate Plan,
    [property: Id(1)] bool FromModel,
    [property: Id(2)] MaintenanceDue? Next,
    [property: Id(3)] DateOnly? LastVisitOn,
    [property: Id(4)] string? OpenWorkOrder);
