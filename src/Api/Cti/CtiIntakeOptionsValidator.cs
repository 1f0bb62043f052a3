using AfterSales.Api.Validation;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Cti;

/// <summary>Refuses to start with a token hash that is no SHA-256 hex digest or a blocked caller that is no phone number.</summary>
internal sealed class CtiIntakeOptionsValidator(InputRules rules) : IValidateOptions<CtiIntakeOptions>
{
    public ValidateOptionsResult Validate(string? name, CtiIntakeOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            if (options.Tokens[i] is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
            {
                failures.Add($"{CtiIntakeOptions.SectionName}:Tokens:{i} must be a SHA-256 hash of a token: 64 hex digits.");
            }
        }
        for (var i = 0; i < options.BlockedCallers.Count; i++)
        {
            if (rules.Phones.Normalise(options.BlockedCallers[i] ?? "", out var error) is null)
            {
                failures.Add($"{CtiIntakeOptions.SectionName}:BlockedCallers:{i}: {error}");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
