using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with a retention or expiry window out of range.</summary>
public sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public static readonly TimeSpan MinRetention = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(365);
    // Reminders tick at most once a minute, and a window is the period of its reminder.
    public static readonly TimeSpan MinExpiryWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxExpiryWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < MinRetention || options.Retention > MaxRetention)
        {
            failures.Add($"{IdempotencyOptions.SectionName}:Retention must be between 1 minute and 365 days, not {options.Retention}.");
        }
        if (options.ExpiryWindow < MinExpiryWindow || options.ExpiryWindow > MaxExpiryWindow)
        {
            failures.Add($"{IdempotencyOptions.SectionName}:ExpiryWindow must be between 1 minute and 1 day, not {options.ExpiryWindow}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
