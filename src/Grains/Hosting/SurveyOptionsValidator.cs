using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with a survey expiry out of range.</summary>
public sealed class SurveyOptionsValidator : IValidateOptions<SurveyOptions>
{
    public static readonly TimeSpan MinExpiry = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(365);

    public ValidateOptionsResult Validate(string? name, SurveyOptions options) =>
        options.Expiry < MinExpiry || options.Expiry > MaxExpiry
            ? ValidateOptionsResult.Fail($"{SurveyOptions.SectionName}:Expiry must be between 1 hour and 365 days, not {options.Expiry}.")
            : ValidateOptionsResult.Success;
}
