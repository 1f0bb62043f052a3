namespace AfterSales.Hosting;

/// <summary>Business configuration of the deployment (section <c>AfterSales</c>), checked at start by
/// <see cref="AfterSalesOptionsValidator"/>.</summary>
public sealed class AfterSalesOptions
{
    public const string SectionName = "AfterSales";

    /// <summary>The regions served when configuration lists none.</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } = ["east", "west", "north", "south"];

    /// <summary>Regions served: lower-case slugs. Default (when the section lists none): <c>east, west, north, south</c>.
    /// Starts empty on purpose: the configuration binder appends to a list, so configured regions would otherwise
    /// be added to the defaults instead of replacing them.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>Prefix of case numbers (<c>AS</c> gives <c>AS-2026-000123</c>): 1–6 capital letters. Default <c>AS</c>.</summary>
    public string CaseNumberPrefix { get; set; } = "AS";

    /// <summary>Region used to read phone numbers written without a country code (ISO 3166 alpha-2). Default <c>CN</c>.</summary>
    public string DefaultPhoneRegion { get; set; } = "CN";

    /// <summary>Region → IANA time zone (e.g. <c>Asia/Shanghai</c>): the region's calendar, which shift patterns and
    /// maintenance due days are read in. Regions not listed use UTC. Default: none.</summary>
    public Dictionary<string, string> RegionTimeZones { get; set; } = new(StringComparer.Ordinal);
}
