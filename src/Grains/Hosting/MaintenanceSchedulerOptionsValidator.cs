using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with a slot length, shard count or hand-over concurrency out of range.</summary>
public sealed class MaintenanceSchedulerOptionsValidator : IValidateOptions<MaintenanceSchedulerOptions>
{
    // A bucket's reminder ticks at most once a minute; a slot longer than a day keeps a bucket active for days.
    public static readonly TimeSpan MinSlotLength = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxSlotLength = TimeSpan.FromDays(1);
    public const int MaxShards = 1024;
    public const int MaxHandOverConcurrency = 1024;

    public ValidateOptionsResult Validate(string? name, MaintenanceSchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.SlotLength < MinSlotLength || options.SlotLength > MaxSlotLength)
        {
            failures.Add($"{MaintenanceSchedulerOptions.SectionName}:SlotLength must be between 1 minute and 1 day, not {options.SlotLength}.");
        }
        if (options.Shards is < 1 or > MaxShards)
        {
            failures.Add($"{MaintenanceSchedulerOptions.SectionName}:Shards must be between 1 and {MaxShards}, not {options.Shards}.");
        }
        if (options.HandOverConcurrency is < 1 or > MaxHandOverConcurrency)
        {
            failures.Add($"{MaintenanceSchedulerOptions.SectionName}:HandOverConcurrency must be between 1 and {MaxHandOverConcurrency}, not {options.HandOverConcurrency}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
