using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with an unknown-caller customer id that is not an id, or a region not served.</summary>
public sealed class CtiOptionsValidator(IOptions<AfterSalesOptions> afterSales) : IValidateOptions<CtiOptions>
{
    public ValidateOptionsResult Validate(string? name, CtiOptions options)
    {
        var id = options.UnknownCallerCustomerId;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return ValidateOptionsResult.Fail($"{CtiOptions.SectionName}:UnknownCallerCustomerId must be 1-64 letters, digits, '-' or '_'.");
        }
        if (options.UnknownCallerRegion is { } region && !afterSales.Value.Regions.Contains(region, StringComparer.Ordinal))
        {
            return ValidateOptionsResult.Fail($"{CtiOptions.SectionName}:UnknownCallerRegion '{region}' is not a region served.");
        }
        return ValidateOptionsResult.Success;
    }
}
