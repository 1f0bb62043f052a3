using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with a configuration the grains cannot work with.</summary>
public sealed partial class AfterSalesOptionsValidator : IValidateOptions<AfterSalesOptions>
{
    public ValidateOptionsResult Validate(string? name, AfterSalesOptions options)
    {
        var failures = new List<string>();
        if (options.Regions.Count == 0)
        {
            failures.Add("AfterSales:Regions must list at least one region.");
        }
        foreach (var region in options.Regions)
        {
            if (!RegionSlug().IsMatch(region))
            {
                failures.Add($"AfterSales:Regions entry '{region}' must be a lower-case slug (a-z, 0-9, '-').");
            }
        }
        if (options.Regions.Distinct(StringComparer.Ordinal).Count() != options.Regions.Count)
        {
            failures.Add("AfterSales:Regions must not repeat a region.");
        }
        if (!Prefix().IsMatch(options.CaseNumberPrefix))
        {
            failures.Add("AfterSales:CaseNumberPrefix must be 1-6 capital letters.");
        }
        if (!CountryCode().IsMatch(options.DefaultPhoneRegion))
        {
            failures.Add("AfterSales:DefaultPhoneRegion must be an ISO 3166 alpha-2 code such as CN.");
        }
        foreach (var (region, zone) in options.RegionTimeZones)
        {
            if (!options.Regions.Contains(region, StringComparer.Ordinal))
            {
                failures.Add($"AfterSales:RegionTimeZones names region '{region}', which is not in AfterSales:Regions.");
            }
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                failures.Add($"AfterSales:RegionTimeZones:{region} '{zone}' is not a known time zone (use an IANA id such as Asia/Shanghai).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex RegionSlug();

    [GeneratedRegex("^[A-Z]{1,6}$")]
    private static partial Regex Prefix();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
