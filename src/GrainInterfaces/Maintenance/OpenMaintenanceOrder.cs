namespace AfterSales.Maintenance;

/// <summary>An open maintenance work order in its region's index of open work orders (what the overdue list reads).</summary>
/// <param name="CaseNumber">The work order.</param>
/// <param name="Serial">Its device.</param>
/// <param name="Department">The department it is in now (slug, e.g. <c>maintenance</c>).</param>
/// <param name="Region">Its region.</param>
/// <param name="Order">Source, period, trigger, window and evidence.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.OpenMaintenanceOrder")]
public sealed record OpenMaintenanceOrder(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string Serial,
    [property: Id(2)] string Department,
    [property: Id(3)] string Region,
    [property: Id(4)] MaintenanceOrder Order)
{
    /// <summary>The due day in the region's calendar (its time zone), as the overdue list shows it.</summary>
    [Id(11)] public DateOnly? DueOn { get; init; }

    /// <summary>The first day, in the region's calendar, on which the visit is late.</summary>
    [Id(12)] public DateOnly? OverdueFrom { get; init; }

    /// <summary>The IANA time zone of the region's calendar (<c>UTC</c> for a region without one).</summary>
    [Id(13)] public string? TimeZone { get; init; }
}
