using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Routing;
using AfterSales.Api.Validation;
using AfterSales.Installation;

namespace AfterSales.Api.Installation;

/// <summary>Records a shipment: each device is registered as shipped to the customer and, with an installation window,
/// gets an installation work order in that window.</summary>
/// <param name="CustomerId">The customer the devices were sold to; must exist.</param>
/// <param name="ShippedOn">The ship date, <c>yyyy-MM-dd</c> (the warranty starts at the latest a grace period after it).</param>
/// <param name="Devices">1 to 50 devices, serial numbers distinct, models in the catalogue.</param>
/// <param name="Id">The shipment id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64); left out, one is allocated
/// (<c>SH-…</c>).</param>
/// <param name="Site">Where the devices go (max 500).</param>
/// <param name="InstallationWindow">The installation window agreed with the customer; left out, no work orders are opened.</param>
public sealed record CreateShipmentRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string CustomerId,
    [property: Required] DateOnly? ShippedOn,
    [property: Required, MinLength(1), MaxLength(InstallationLimits.DevicesPerShipment)] IReadOnlyList<ShipmentDeviceRequest>? Devices,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Id = null,
    [property: StringLength(Limits.Site)] string? Site = null,
    InstallationWindowRequest? InstallationWindow = null)
{
    internal (string? Id, ShipRequest? Command) Validate(ValidationErrors errors, string actor)
    {
        var id = errors.OptionalIdentifier("id", Id);
        var customerId = errors.RequiredIdentifier("customerId", CustomerId);
        var shippedOn = errors.RequiredValue("shippedOn", ShippedOn);
        var site = errors.OptionalText("site", Site, Limits.Site, multiline: true);
        var devices = errors.RequiredList("devices", Devices, (device, at) => device.ToContract(errors, at));
        if (Devices is { Count: 0 or > InstallationLimits.DevicesPerShipment })
        {
            errors.Add("devices", $"A shipment has 1 to {InstallationLimits.DevicesPerShipment} devices.");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; devices is { } list && i < list.Length; i++)
        {
            if (!seen.TryAdd(list[i].Serial, i))
            {
                errors.Add($"devices[{i}].serial", $"Serial {list[i].Serial} is listed twice (also devices[{seen[list[i].Serial]}]).");
            }
        }
        var window = InstallationWindow?.ToContract(errors, "installationWindow");
        return errors.HasErrors
            ? (null, null)
            : (id, new ShipRequest(customerId!, site, shippedOn!.Value, devices!.Value, window, actor));
    }
}

/// <summary>One device of a shipment.</summary>
/// <param name="Serial">Its serial number, the device's id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64); not registered yet.</param>
/// <param name="Model">Its product model's code; must be in the catalogue.</param>
public sealed record ShipmentDeviceRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string Serial,
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string Model)
{
    internal ShipmentDevice? ToContract(ValidationErrors errors, string at)
    {
        var serial = errors.RequiredIdentifier($"{at}.serial", Serial);
        var model = errors.RequiredIdentifier($"{at}.model", Model);
        return serial is null || model is null ? null : new ShipmentDevice(serial, model);
    }
}
