using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Api.Maintenance;

/// <summary>A device's maintenance: its plans in force and its recent maintenance work orders.
/// <paramref name="Version"/> is the device's version, also sent as the <c>ETag</c> header.</summary>
/// <param name="Plans">The plans in force, by id: the model's, replaced by the device's own plan of the same id.</param>
/// <param name="WorkOrders">Recent maintenance work orders of the device's plans and rules, newest first.</param>
public sealed record DeviceMaintenanceResponse(string Serial, MaintenancePlanStatusResponse[] Plans, DeviceMaintenanceOrder[] WorkOrders, int Version)
{
    internal static DeviceMaintenanceResponse From(DeviceMaintenance maintenance) => new(
        maintenance.Serial,
        [.. maintenance.Plans.IsDefault ? [] : maintenance.Plans.Select(MaintenancePlanStatusResponse.From)],
        [.. maintenance.WorkOrders.IsDefault ? [] : maintenance.WorkOrders],
        maintenance.Version);
}

/// <summary>One plan of a device as it stands.</summary>
/// <param name="Plan">The plan in force.</param>
/// <param name="Source"><c>model</c> for a plan inherited from the model, <c>device</c> for the device's own.</param>
/// <param name="Next">The next occurrence handed to the scheduler: its period, when it is due and when its work order is
/// generated (time-based plans without an open work order); null otherwise.</param>
/// <param name="LastVisitOn">The day the plan's last work order ended.</param>
/// <param name="OpenWorkOrder">The plan's open work order (case number), if any.</param>
public sealed record MaintenancePlanStatusResponse(
    MaintenancePlanTemplate Plan, PlanSource Source, NextOccurrenceResponse? Next, DateOnly? LastVisitOn, string? OpenWorkOrder)
{
    internal static MaintenancePlanStatusResponse From(MaintenancePlanStatus status) => new(
        status.Plan, status.FromModel ? PlanSource.Model : PlanSource.Device,
        status.Next is { } next ? new NextOccurrenceResponse(next.Period, next.DueAt, next.FireAt) : null,
        status.LastVisitOn, status.OpenWorkOrder);
}

/// <summary>Where a device's plan comes from.</summary>
public enum PlanSource
{
    /// <summary>Inherited from the device's model.</summary>
    Model,
    /// <summary>The device's own (it replaces a model plan of the same id).</summary>
    Device,
}

/// <summary>A plan's next occurrence.</summary>
/// <param name="Period">Its due day, <c>yyyy-MM-dd</c> (with the plan, the key of exactly one work order).</param>
/// <param name="DueAt">When it is due: the start of the due day in the calendar (time zone) of the device's region.</param>
/// <param name="FireAt">When its work order is generated (the plan's lead days before).</param>
public sealed record NextOccurrenceResponse(string Period, DateTimeOffset DueAt, DateTimeOffset FireAt);

/// <summary>Maintenance work orders open past their due window.</summary>
/// <param name="Region">The region asked for; null for every region.</param>
/// <param name="Department">The department asked for (slug); null for every department.</param>
/// <param name="WorkOrders">Most overdue first; each with its due day (dueOn) and first late day (overdueFrom) in the
/// calendar of its region (timeZone).</param>
public sealed record OverdueMaintenanceResponse(string? Region, string? Department, OpenMaintenanceOrder[] WorkOrders);
