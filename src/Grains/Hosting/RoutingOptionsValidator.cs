using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with a routing policy the grains would refuse too (same rules, same messages).</summary>
public sealed class RoutingOptionsValidator(IOptions<AfterSalesOptions> afterSales) : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var (_, failures) = RoutingOptionsReader.Read(options, afterSales.Value.Regions, DateTimeOffset.UnixEpoch);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
