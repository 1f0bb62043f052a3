using System.Text.RegularExpressions;
using AfterSales.Common;
using AfterSales.Installation;

namespace AfterSales.Domain.Installation;

/// <summary>The rules of a shipment that need nothing but the request: a customer, 1 to
/// <see cref="InstallationLimits.DevicesPerShipment"/> devices with valid, distinct serials and a model each, and a
/// window that ends after it starts.</summary>
internal static partial class ShipmentRules
{
    public const int MaxModelLength = 100;
    public const int MaxSiteLength = 500;

    public static CommandError? Validate(ShipRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            return CommandError.Invalid("customerId", "A shipment needs a customer.");
        }
        if (request.Site is { Length: > MaxSiteLength })
        {
            return CommandError.Invalid("site", $"A site has at most {MaxSiteLength} characters.");
        }
        if (request.Devices.IsDefaultOrEmpty || request.Devices.Length > InstallationLimits.DevicesPerShipment)
        {
            return CommandError.Invalid("devices", $"A shipment has 1 to {InstallationLimits.DevicesPerShipment} devices.");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < request.Devices.Length; i++)
        {
            var device = request.Devices[i];
            if (device.Serial is null || !SerialRegex().IsMatch(device.Serial))
            {
                return CommandError.Invalid($"devices[{i}].serial",
                    $"A serial number is 1-{FieldLimits.Identifier} letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
            if (!seen.TryAdd(device.Serial, i))
            {
                return CommandError.Invalid($"devices[{i}].serial", $"Serial {device.Serial} is listed twice (also devices[{seen[device.Serial]}]).");
            }
            if (string.IsNullOrWhiteSpace(device.Model) || device.Model.Length > MaxModelLength)
            {
                return CommandError.Invalid($"devices[{i}].model", $"A device needs a model of 1 to {MaxModelLength} characters.");
            }
        }
        if (request.Window is { IsValid: false })
        {
            return CommandError.Invalid("installationWindow.end", "The installation window must end after it starts.");
        }
        return null;
    }

    /// <summary>The replay token of one device's steps (registration and work order): the same for every attempt of
    /// the same shipment, so a repeated step is recognised as a replay by the device and the case.</summary>
    public static string StepToken(string shipmentId, string serial) => $"shipment:{shipmentId}:{serial}";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SerialRegex();
}
