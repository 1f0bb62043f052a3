namespace AfterSales.Hosting;

/// <summary>How the maintenance scheduler keeps due entries (section <c>AfterSales:MaintenanceScheduler</c>), checked at
/// start by <see cref="MaintenanceSchedulerOptionsValidator"/>.</summary>
/// <remarks>An entry lives in the bucket of its fire time's slot and its device's shard; each non-empty bucket holds one
/// reminder. A change of <see cref="SlotLength"/> or <see cref="Shards"/> applies to entries scheduled from then on:
/// buckets already stored keep their entries and reminders and still hand them over, but a cancellation computed
/// with the new values no longer finds them (the device then drops the occurrence when it arrives).</remarks>
public sealed class MaintenanceSchedulerOptions
{
    public const string SectionName = "AfterSales:MaintenanceScheduler";

    /// <summary>The width of a time slot. A bucket is active and ticks once a minute from its slot's start until its
    /// last entry is acknowledged; longer slots mean fewer buckets and reminders, shorter ones fewer entries per bucket.
    /// Default 1 hour (1 minute to 1 day).</summary>
    public TimeSpan SlotLength { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many buckets share a slot (entries are spread over them by device serial), so no bucket is a hot
    /// spot when many devices fall due together. Default 16 (1 to 1,024).</summary>
    public int Shards { get; set; } = 16;

    /// <summary>How many hand-overs one bucket keeps in flight during a tick. Default 64 (1 to 1,024).</summary>
    public int HandOverConcurrency { get; set; } = 64;
}
