using System.Globalization;
using AfterSales.Devices;

namespace AfterSales.Domain.Devices;

/// <summary>What a device is entitled to on a day: in warranty when the day lies within its warranty (both ends
/// inclusive), and under the contract in force that day with the highest tier — among equal tiers the one covering
/// most (parts, labour, on-site), then the one running longest, then the lowest id, so the answer never depends on
/// the order contracts were added.</summary>
internal static class Entitlements
{
    public static Entitlement On(DateOnly day, WarrantyTerm? warranty, IEnumerable<DeviceContract> contracts)
    {
        var inWarranty = warranty is { } term && term.Start <= day && day <= term.End;
        var best = contracts
            .Where(c => c.Start <= day && day <= c.End)
            .OrderByDescending(c => c.Tier)
            .ThenByDescending(c => Breadth(c.Coverage))
            .ThenByDescending(c => c.End)
            .ThenBy(c => c.ContractId, StringComparer.Ordinal)
            .FirstOrDefault();
        return new Entitlement(day, inWarranty, warranty?.End, best?.ContractId, best?.Tier, best?.Coverage);
    }

    /// <summary>"in warranty until 2028-01-09; premium contract SC-1 (parts, labour, on-site)", or "not covered".</summary>
    public static string Describe(Entitlement entitlement)
    {
        var parts = new List<string>(2);
        if (entitlement.InWarranty)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"in warranty until {entitlement.WarrantyEnd:yyyy-MM-dd}"));
        }
        if (entitlement.ContractId is { } contract)
        {
            parts.Add($"{CamelNames.Of(entitlement.Tier!.Value)} contract {contract} ({Coverage(entitlement.Coverage!)})");
        }
        return parts.Count == 0
            ? entitlement.WarrantyEnd is { } ended && ended < entitlement.CheckedOn
                ? string.Create(CultureInfo.InvariantCulture, $"not covered (warranty ended {ended:yyyy-MM-dd})")
                : "not covered"
            : string.Join("; ", parts);
    }

    /// <summary>"parts, labour, on-site", or "nothing".</summary>
    public static string Coverage(ContractCoverage coverage)
    {
        var covered = new List<string>(3);
        if (coverage.Parts)
        {
            covered.Add("parts");
        }
        if (coverage.Labour)
        {
            covered.Add("labour");
        }
        if (coverage.OnSite)
        {
            covered.Add("on-site");
        }
        return covered.Count == 0 ? "nothing" : string.Join(", ", covered);
    }

    private static int Breadth(ContractCoverage coverage) =>
        (coverage.Parts ? 1 : 0) + (coverage.Labour ? 1 : 0) + (coverage.OnSite ? 1 : 0);
}
