using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Api.Validation;
using AfterSales.Contracts;
using AfterSales.Devices;

namespace AfterSales.Api.Contracts;

/// <summary>A service contract: some of a customer's devices covered at a tier from <paramref name="Start"/> to
/// <paramref name="End"/> (both inclusive).</summary>
/// <param name="CustomerId">The customer; must exist.</param>
/// <param name="Tier"><c>basic</c>, <c>standard</c> or <c>premium</c>: the service-level targets key on it, and a case
/// about a device under several contracts records the highest tier in force.</param>
/// <param name="Coverage">What the contract pays for.</param>
/// <param name="Start">First day, <c>yyyy-MM-dd</c>.</param>
/// <param name="End">Last day, <c>yyyy-MM-dd</c>; not before <paramref name="Start"/>, at most 20 years after it.</param>
/// <param name="DeviceSerials">1 to 100 devices, each the customer's own (another customer's is 422, an unknown one 404).</param>
public sealed record CreateContractRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"C-10042\"")] string? CustomerId,
    [property: Required] ContractTier? Tier,
    [property: Required] CoverageRequest? Coverage,
    [property: Required, Example("\"2026-04-01\"")] DateOnly? Start,
    [property: Required, Example("\"2029-03-31\"")] DateOnly? End,
    [property: Required, MinLength(1), MaxLength(ServiceContractLimits.Devices), UniqueItems, Example("[\"SN-HX200-0001\"]")] IReadOnlyList<string>? DeviceSerials)
{
    internal CreateServiceContractRequest? ToContract(ValidationErrors errors, string actor)
    {
        var customerId = errors.RequiredIdentifier("customerId", CustomerId);
        var tier = errors.RequiredValue("tier", Tier);
        var coverage = errors.Present("coverage", Coverage)?.ToContract(errors);
        var start = errors.RequiredValue("start", Start);
        var end = errors.RequiredValue("end", End);
        if (start is { } from && end is { } to && to < from)
        {
            errors.Add("end", "A contract cannot end before it starts.");
        }
        var serials = errors.RequiredList("deviceSerials", DeviceSerials, (serial, at) => errors.RequiredIdentifier(at, serial));
        if (serials is { Length: 0 })
        {
            errors.Add("deviceSerials", "A contract covers at least one device.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; serials is { } list && i < list.Length; i++)
        {
            if (!seen.Add(list[i]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"deviceSerials[{i}]"), $"Device {list[i]} is listed twice.");
            }
        }
        return errors.HasErrors
            ? null
            : new CreateServiceContractRequest(customerId!, tier!.Value, coverage!, start!.Value, end!.Value, serials!.Value, actor);
    }
}

/// <summary>What a contract pays for.</summary>
/// <param name="Parts">Spare parts.</param>
/// <param name="Labour">Technicians' time.</param>
/// <param name="OnSite">Visits on site (otherwise the device comes to the workshop).</param>
public sealed record CoverageRequest(
    [property: Required] bool? Parts,
    [property: Required] bool? Labour,
    [property: Required] bool? OnSite)
{
    internal ContractCoverage? ToContract(ValidationErrors errors)
    {
        var parts = errors.RequiredValue("coverage.parts", Parts);
        var labour = errors.RequiredValue("coverage.labour", Labour);
        var onSite = errors.RequiredValue("coverage.onSite", OnSite);
        return parts is null || labour is null || onSite is null ? null : new ContractCoverage(parts.Value, labour.Value, onSite.Value);
    }
}
