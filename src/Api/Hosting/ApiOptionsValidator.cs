using Microsoft.Extensions.Options;

namespace AfterSales.Api.Hosting;

/// <summary>Refuses to start with limits that would make the API unusable.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.ConcurrencyLimit is < 1 or > 100_000)
        {
            failures.Add("AfterSales:Api:ConcurrencyLimit must be between 1 and 100000.");
        }
        if (options.QueueLimit is < 0 or > 1_000_000)
        {
            failures.Add("AfterSales:Api:QueueLimit must be between 0 and 1000000.");
        }
        if (options.RetryAfterSeconds is < 1 or > 3600)
        {
            failures.Add("AfterSales:Api:RetryAfterSeconds must be between 1 and 3600.");
        }
        if (options.ReadinessTimeout < TimeSpan.FromMilliseconds(50) || options.ReadinessTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add("AfterSales:Api:ReadinessTimeout must be between 50 ms and 1 minute.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
