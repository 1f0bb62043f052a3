namespace AfterSales.Maintenance;

/// <summary>What made a maintenance work order due.</summary>
[GenerateSerializer, Alias("AfterSales.MaintenanceTriggerKind")]
public enum MaintenanceTriggerKind
{
    /// <summary>A time-based plan's occurrence (calendar interval or recurrence rule).</summary>
    Time = 0,
    /// <summary>A usage-based plan's meter threshold was crossed.</summary>
    Usage = 1,
    /// <summary>A condition rule over recent readings held.</summary>
    Condition = 2,
}
