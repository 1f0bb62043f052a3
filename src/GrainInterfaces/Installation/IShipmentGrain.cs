using AfterSales.Common;

namespace AfterSales.Installation;

/// <summary>One shipment (key: the shipment id): registers its devices as shipped and opens their installation work
/// orders, resumably — every step is idempotent, so a replay (or the shipment's own reminder) completes a shipment that
/// was cut off half-way.</summary>
[Alias("AfterSales.IShipmentGrain")]
public interface IShipmentGrain : IGrainWithStringKey
{
    /// <summary>Checks everything first (customer, models, serials: 404 on <c>devices[i].model</c> for an unknown
    /// model), then stores the plan and carries it out. The same request hash again completes it and is a replay; any
    /// other request for an existing shipment is refused with 409.</summary>
    [Alias("Ship")]
    Task<Result<ShipmentSnapshot>> ShipAsync(ShipRequest request);

    /// <summary>The shipment, or null when there is none with this id.</summary>
    [Alias("Get"), ReadOnly]
    Task<ShipmentSnapshot?> GetAsync();
}
