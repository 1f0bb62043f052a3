using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Contracts;
using AfterSales.Domain.Models;

namespace AfterSales.Domain.Contracts;

/// <summary>Checks a service contract's own data (the grain checks the customer and devices it refers to): a customer,
/// a known tier, a coverage, a period that does not end before it starts and lasts at most
/// <see cref="ServiceContractLimits.MaxYears"/> years, and 1 to <see cref="ServiceContractLimits.Devices"/> distinct devices.</summary>
internal static class ServiceContractValidator
{
    public static IEnumerable<FieldError> Validate(CreateServiceContractRequest request)
    {
        if (!ProductModelValidator.IsIdentifier(request.CustomerId))
        {
            yield return new("customerId", "A contract names its customer by id.");
        }
        if (!Enum.IsDefined(request.Tier))
        {
            yield return new("tier", "Tier must be basic, standard or premium.");
        }
        if (request.Coverage is null)
        {
            yield return new("coverage", "A contract says what it covers (parts, labour, onSite).");
        }
        if (request.End < request.Start)
        {
            yield return new("end", string.Create(CultureInfo.InvariantCulture,
                $"A contract cannot end ({request.End:yyyy-MM-dd}) before it starts ({request.Start:yyyy-MM-dd})."));
        }
        else if (request.End > request.Start.AddYears(ServiceContractLimits.MaxYears))
        {
            yield return new("end", $"A contract runs at most {ServiceContractLimits.MaxYears} years.");
        }
        var serials = request.DeviceSerials.IsDefault ? ImmutableArray<string>.Empty : request.DeviceSerials;
        if (serials.Length is 0 or > ServiceContractLimits.Devices)
        {
            yield return new("deviceSerials", $"A contract covers 1 to {ServiceContractLimits.Devices} devices.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < serials.Length; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"deviceSerials[{i}]");
            if (!ProductModelValidator.IsIdentifier(serials[i]))
            {
                yield return new(at, "A device is named by its serial number.");
            }
            else if (!seen.Add(serials[i]))
            {
                yield return new(at, $"Device {serials[i]} is listed twice.");
            }
        }
    }
}
