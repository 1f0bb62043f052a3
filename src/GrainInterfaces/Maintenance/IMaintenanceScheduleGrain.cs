namespace AfterSales.Maintenance;

/// <summary>The front of the maintenance scheduler (a stateless worker, key 0): devices put their next due occurrence
/// per plan here and take it back when a plan changes; the scheduler keeps each entry in the time-slot bucket of its
/// <see cref="MaintenanceDue.FireAt"/> and, once that time has come, hands it to the device
/// (<see cref="Devices.IDeviceGrain.OnMaintenanceDueAsync"/>) until the device has acknowledged it.</summary>
[Alias("AfterSales.IMaintenanceScheduleGrain")]
public interface IMaintenanceScheduleGrain : IGrainWithIntegerKey
{
    /// <summary>Holds <paramref name="due"/> until its fire time (idempotent per serial, plan and period; an entry
    /// whose fire time has passed is handed over at the next tick).</summary>
    [Alias("Schedule")]
    Task ScheduleAsync(MaintenanceDue due);

    /// <summary>Forgets <paramref name="due"/> if it is still held (idempotent).</summary>
    [Alias("Cancel")]
    Task CancelAsync(MaintenanceDue due);

    /// <summary>The bulk path of <see cref="ScheduleAsync"/> for fleet imports: holds every entry, one write per bucket
    /// touched instead of one per entry; durable when it returns (a failure may leave some held: repeat the call).</summary>
    [Alias("ScheduleMany")]
    Task ScheduleManyAsync(IReadOnlyList<MaintenanceDue> entries);
}
