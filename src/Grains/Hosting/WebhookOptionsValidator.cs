using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with webhook settings out of range.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        var section = WebhookOptions.SectionName;
        void Range<T>(string setting, T value, T min, T max, string unit = "") where T : IComparable<T>
        {
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                failures.Add($"{section}:{setting} must be between {min}{unit} and {max}{unit}, not {value}.");
            }
        }
        Range(nameof(options.MaxAttempts), options.MaxAttempts, 1, 50);
        Range(nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        Range(nameof(options.RetryMaxDelay), options.RetryMaxDelay, options.RetryBaseDelay, TimeSpan.FromDays(1));
        Range(nameof(options.DeliveryTimeout), options.DeliveryTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Range(nameof(options.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        Range(nameof(options.BatchSize), options.BatchSize, 10, 10_000);
        Range(nameof(options.Overlap), options.Overlap, 0, 100_000);
        Range(nameof(options.MaxQueueLength), options.MaxQueueLength, 100, 1_000_000);
        Range(nameof(options.LogLength), options.LogLength, 10, 100_000);
        Range(nameof(options.MaxConcurrentDeliveries), options.MaxConcurrentDeliveries, 1, 64);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
