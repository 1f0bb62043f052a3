using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>How live SLA clocks are scheduled and what a warning or breach does (section <c>AfterSales:Sla:Clocks</c>),
/// checked at start by <see cref="SlaClockOptionsValidator"/>.</summary>
/// <remarks>A case's next SLA instant lives in the bucket of its slot and the case's shard; each non-empty bucket holds
/// one reminder. A change of <see cref="SlotLength"/> or <see cref="Shards"/> applies to instants registered from then
/// on: buckets already stored still wake their cases, and a case woken at an instant it no longer needs records
/// nothing.</remarks>
public sealed class SlaClockOptions
{
    public const string SectionName = "AfterSales:Sla:Clocks";

    /// <summary>The width of a time slot. A bucket ticks once a minute from its slot's start until it is empty, and a
    /// one-shot timer wakes it at each instant less than a minute ahead. Default 15 minutes (1 minute to 1 day).</summary>
    public TimeSpan SlotLength { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many buckets share a slot (cases are spread over them by case number). Default 16 (1 to 1,024).</summary>
    public int Shards { get; set; } = 16;

    /// <summary>How many cases one bucket wakes at a time during a tick. Default 32 (1 to 1,024).</summary>
    public int WakeConcurrency { get; set; } = 32;

    /// <summary>Raise the case's priority one step (low → normal → high → urgent) when a target reaches its warning
    /// point. Default false.</summary>
    public bool RaisePriorityOnWarning { get; set; }

    /// <summary>Raise the case's priority one step when a target is breached. Default true.</summary>
    public bool RaisePriorityOnBreach { get; set; } = true;

    /// <summary>Record an <c>slaAlert</c> for the department's supervisors at a warning point. Default true.</summary>
    public bool AlertOnWarning { get; set; } = true;

    /// <summary>Record an <c>slaAlert</c> for the department's supervisors at a breach. Default true.</summary>
    public bool AlertOnBreach { get; set; } = true;
}

/// <summary>Refuses to start with a slot length, shard count or wake concurrency out of range.</summary>
public sealed class SlaClockOptionsValidator : IValidateOptions<SlaClockOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaClockOptions options)
    {
        var failures = new List<string>();
        if (options.SlotLength < MaintenanceSchedulerOptionsValidator.MinSlotLength || options.SlotLength > MaintenanceSchedulerOptionsValidator.MaxSlotLength)
        {
            failures.Add($"{SlaClockOptions.SectionName}:SlotLength must be between 1 minute and 1 day, not {options.SlotLength}.");
        }
        if (options.Shards is < 1 or > MaintenanceSchedulerOptionsValidator.MaxShards)
        {
            failures.Add($"{SlaClockOptions.SectionName}:Shards must be between 1 and {MaintenanceSchedulerOptionsValidator.MaxShards}, not {options.Shards}.");
        }
        if (options.WakeConcurrency is < 1 or > MaintenanceSchedulerOptionsValidator.MaxHandOverConcurrency)
        {
            failures.Add($"{SlaClockOptions.SectionName}:WakeConcurrency must be between 1 and {MaintenanceSchedulerOptionsValidator.MaxHandOverConcurrency}, not {options.WakeConcurrency}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
