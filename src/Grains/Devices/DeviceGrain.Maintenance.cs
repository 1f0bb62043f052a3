using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>Preventive maintenance of the device: its plans, their next due occurrences, and the work orders they open.</summary>
internal sealed partial class DeviceGrain
{
    public Task OnMaintenanceDueAsync(MaintenanceDue due) =>
        throw new NotSupportedException("Maintenance plans are not implemented yet.");
}
