using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Validation;
using AfterSales.Devices;

namespace AfterSales.Api.Devices;

/// <summary>Registers a device to the customer who owns it. Without <paramref name="InstalledOn"/> the device is
/// shipped and waits for its installation; with it, it is in service from that day.</summary>
/// <param name="Serial">Serial number: the device's id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Model">The code of a product model of the catalogue (<c>PUT /api/models/{code}</c>); an unknown one is 404.</param>
/// <param name="CustomerId">The owning customer; must exist.</param>
/// <param name="Site">Installation address (max 500).</param>
/// <param name="InstalledOn">Installation date, <c>yyyy-MM-dd</c>; not before <paramref name="ShippedOn"/>. The
/// warranty of a device registered as installed runs from this day.</param>
/// <param name="WarrantyEnd">Last day of warranty, <c>yyyy-MM-dd</c>, when it was agreed otherwise than by the model's
/// rule (the device keeps it); not before <paramref name="InstalledOn"/> nor <paramref name="ShippedOn"/>.</param>
/// <param name="ShippedOn">Ship date, <c>yyyy-MM-dd</c>: the warranty starts at the latest the start grace (90 days by
/// default) after it.</param>
/// <param name="ShipmentId">The shipment that brought it (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
public sealed record CreateDeviceRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"SN-HX200-0001\"")] string Serial,
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"HX-200\"")] string Model,
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"C-10042\"")] string CustomerId,
    [property: StringLength(Limits.Site)] string? Site = null,
    DateOnly? InstalledOn = null,
    DateOnly? WarrantyEnd = null,
    [property: Example("\"2026-03-02\"")] DateOnly? ShippedOn = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"SHP-2026-118\"")] string? ShipmentId = null)
{
    /// <summary>The serial when it is valid, and the registration when nothing in <paramref name="errors"/> is wrong.</summary>
    /// <param name="path">The row's path in a batch (<c>devices[3]</c>); null for a single device's body.</param>
    internal (string? Serial, RegisterDeviceRequest? Command) Validate(ValidationErrors errors, string actor, string? path = null)
    {
        var serial = errors.RequiredIdentifier(FieldPaths.Member(path, "serial"), Serial);
        var model = errors.RequiredIdentifier(FieldPaths.Member(path, "model"), Model);
        var customerId = errors.RequiredIdentifier(FieldPaths.Member(path, "customerId"), CustomerId);
        var site = errors.OptionalText(FieldPaths.Member(path, "site"), Site, Limits.Site, multiline: true);
        var shipmentId = errors.OptionalIdentifier(FieldPaths.Member(path, "shipmentId"), ShipmentId);
        if (InstalledOn is { } installedOn && ShippedOn is { } shippedOn && installedOn < shippedOn)
        {
            errors.Add(FieldPaths.Member(path, "installedOn"), "A device cannot be installed before it shipped.");
        }
        if (WarrantyEnd is { } warrantyEnd && (InstalledOn ?? ShippedOn) is { } from && warrantyEnd < from)
        {
            errors.Add(FieldPaths.Member(path, "warrantyEnd"), InstalledOn is not null
                ? "The warranty cannot end before the device was installed."
                : "The warranty cannot end before the device shipped.");
        }
        return errors.HasErrors
            ? (serial, null)
            : (serial, new RegisterDeviceRequest(model!, customerId!, site, InstalledOn, WarrantyEnd)
            {
                ShippedOn = ShippedOn,
                ShipmentId = shipmentId,
                Actor = actor,
            });
    }

    /// <summary>The hash a registration is recorded with: the same registration sent again, alone or in a batch, by any
    /// actor, is a replay.</summary>
    internal static string HashOf(string serial, RegisterDeviceRequest command) =>
        RequestHash.Of(IdempotentCreate.Devices, new { serial, command = command with { Actor = null, IdempotencyKey = null, RequestHash = null } });
}

/// <summary>Takes a device out of service for good.</summary>
/// <param name="Reason">Why (max 500); recorded in the device's history.</param>
public sealed record DecommissionRequest(
    [property: Required, StringLength(Limits.Reason, MinimumLength = 1), Example("\"Replaced by a newer unit\"")] string? Reason);
