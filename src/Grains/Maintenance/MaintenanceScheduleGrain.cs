namespace AfterSales.Maintenance;

/// <summary>Front of the maintenance scheduler (see <see cref="IMaintenanceScheduleGrain"/>).</summary>
[StatelessWorker]
internal sealed class MaintenanceScheduleGrain : Grain, IMaintenanceScheduleGrain
{
    public Task ScheduleAsync(MaintenanceDue due) => throw new NotSupportedException("The maintenance scheduler is not implemented yet.");

    public Task CancelAsync(MaintenanceDue due) => throw new NotSupportedException("The maintenance scheduler is not implemented yet.");
}
