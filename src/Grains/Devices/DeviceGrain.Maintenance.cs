using AfterSales.Domain.Maintenance;
using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>Preventive maintenance of the device: its plans, their next due occurrences, and the work orders they open.</summary>
internal sealed partial class DeviceGrain
{
    public Task OnMaintenanceDueAsync(MaintenanceDue due) =>
        throw new NotSupportedException("Maintenance plans are not implemented yet.");

    /// <summary>Opens the maintenance work order of <paramref name="trigger"/> (at most one per source and period):
    /// the entry point of time, usage and condition triggers. Answers the work order's case number (the one already
    /// opened for the same source and period, on a repeat), or null when the device takes no maintenance (not in
    /// service, decommissioned).</summary>
    private Task<string?> OpenMaintenanceOrderAsync(MaintenanceTrigger trigger) =>
        throw new NotSupportedException($"Maintenance work orders are not implemented yet ({trigger.SourceId}).");
}
