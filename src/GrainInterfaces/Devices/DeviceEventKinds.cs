namespace AfterSales.Devices;

/// <summary>The kinds of events in a device's history (<see cref="DeviceEvent.Kind"/>).</summary>
public static class DeviceEventKinds
{
    public const string Registered = "registered";
    public const string Installed = "installed";
    public const string Commissioned = "commissioned";
    public const string CommissioningFailed = "commissioningFailed";
    public const string CaseOpened = "caseOpened";
    public const string CaseEnded = "caseEnded";
    public const string ContractAdded = "contractAdded";
    public const string ContractChanged = "contractChanged";
    public const string Decommissioned = "decommissioned";

    /// <summary>A visit was recorded on a case about the device (details: the case, the visit's number and outcome).</summary>
    public const string VisitRecorded = "visitRecorded";
    /// <summary>A maintenance occurrence was claimed and its work order number allocated (before the case opens).</summary>
    public const string MaintenanceDue = "maintenanceDue";
    /// <summary>A maintenance work order could not be opened (the case refused it).</summary>
    public const string MaintenanceRefused = "maintenanceRefused";
    /// <summary>One of the device's own maintenance plans was added, replaced or removed.</summary>
    public const string MaintenancePlanChanged = "maintenancePlanChanged";
    public const string MeterReset = "meterReset";
    public const string ConditionRaised = "conditionRaised";
    public const string ConditionCleared = "conditionCleared";
    public const string UsageThresholdCrossed = "usageThresholdCrossed";
    /// <summary>A maintenance work order was cancelled: its occurrence was not served (the plan's last visit stays).</summary>
    public const string MaintenanceCancelled = "maintenanceCancelled";
    /// <summary>A cancelled maintenance work order was re-issued as a new one for the same occurrence.</summary>
    public const string MaintenanceReissued = "maintenanceReissued";
}
