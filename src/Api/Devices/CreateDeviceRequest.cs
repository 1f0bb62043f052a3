using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Devices;

namespace AfterSales.Api.Devices;

/// <summary>Registers a device to the customer who owns it.</summary>
/// <param name="Serial">Serial number: the device's id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Model">Product model (max 100).</param>
/// <param name="CustomerId">The owning customer; must exist.</param>
/// <param name="Site">Installation address (max 500).</param>
/// <param name="InstalledOn">Installation date, <c>yyyy-MM-dd</c>.</param>
/// <param name="WarrantyEnd">Last day of warranty, <c>yyyy-MM-dd</c>; not before <paramref name="InstalledOn"/>.</param>
public sealed record CreateDeviceRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string Serial,
    [property: Required, StringLength(Limits.Model, MinimumLength = 1)] string Model,
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string CustomerId,
    [property: StringLength(Limits.Site)] string? Site = null,
    DateOnly? InstalledOn = null,
    DateOnly? WarrantyEnd = null)
{
    internal (string? Serial, RegisterDeviceRequest? Command) Validate(ValidationErrors errors)
    {
        var serial = errors.RequiredIdentifier("serial", Serial);
        var model = errors.RequiredText("model", Model, Limits.Model);
        var customerId = errors.RequiredIdentifier("customerId", CustomerId);
        var site = errors.OptionalText("site", Site, Limits.Site, multiline: true);
        if (InstalledOn is { } installed && WarrantyEnd is { } warrantyEnd && warrantyEnd < installed)
        {
            errors.Add("warrantyEnd", "The warranty cannot end before the device was installed.");
        }
        return errors.HasErrors
            ? (null, null)
            : (serial, new RegisterDeviceRequest(model!, customerId!, site, InstalledOn, WarrantyEnd));
    }
}
