using System.Collections.Immutable;

namespace AfterSales.Maintenance;

/// <summary>A device's maintenance: its plans in force and its recent maintenance work orders.</summary>
/// <param name="Serial">The device.</param>
/// <param name="Plans">The plans in force (the model's, replaced by the device's own of the same id), by id.</param>
/// <param name="WorkOrders">Recent work orders, newest first (open ones always included).</param>
/// <param name="Version">The device's version (its ETag).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceMaintenance")]
public sealed record DeviceMaintenance(
    [property: Id(0)] string Serial,
    [property: Id(1)] ImmutableArray<MaintenancePlanStatus> Plans,
    [property: Id(2)] ImmutableArray<DeviceMaintenanceOrder> WorkOrders,
    [property: Id(3)] int Version);
