using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>How SLA clocks read the policy and calendars (section <c>AfterSales:Sla</c>).</summary>
public sealed class SlaOptions
{
    public const string SectionName = "AfterSales:Sla";

    /// <summary>How long a silo keeps its copy of the SLA policy and of each region's business calendar before it
    /// fetches them again (1 second to 10 minutes). A change reaches the silo that made it at once and every other
    /// silo within this interval. Default 5 seconds.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Checks <see cref="SlaOptions"/> at start.</summary>
internal sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options) =>
        options.RefreshInterval < TimeSpan.FromSeconds(1) || options.RefreshInterval > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail("AfterSales:Sla:RefreshInterval must be between 1 second and 10 minutes.")
            : ValidateOptionsResult.Success;
}
