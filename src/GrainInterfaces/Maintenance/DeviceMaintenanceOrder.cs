namespace AfterSales.Maintenance;

/// <summary>A maintenance work order a device opened (or, when <see cref="Refused"/> is set, could not open).</summary>
/// <param name="CaseNumber">The work order's case number (allocated when the occurrence was claimed).</param>
/// <param name="Order">Source, period, trigger, window and evidence.</param>
/// <param name="Open">True while the work order is open.</param>
/// <param name="Overdue">True when it is open past its due window.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceMaintenanceOrder")]
public sealed record DeviceMaintenanceOrder(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] MaintenanceOrder Order,
    [property: Id(2)] bool Open,
    [property: Id(3)] bool Overdue)
{
    /// <summary>Why the work order could not be opened (the case refused it); null when it was opened.</summary>
    [Id(4)] public string? Refused { get; init; }

    /// <summary>When the work order ended (resolved, cancelled or closed).</summary>
    [Id(5)] public DateTimeOffset? EndedAt { get; init; }

    /// <summary>True when the work order was cancelled: its occurrence was not served (it may be re-issued).</summary>
    [Id(18)] public bool Cancelled { get; init; }

    /// <summary>The work order that re-issued this cancelled one.</summary>
    [Id(19)] public string? ReissuedAs { get; init; }

    /// <summary>The cancelled work order this one re-issues (same source, period and due window).</summary>
    [Id(20)] public string? Reissues { get; init; }
}
