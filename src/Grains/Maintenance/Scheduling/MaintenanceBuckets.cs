using System.Globalization;
using AfterSales.Domain.Routing;

namespace AfterSales.Maintenance.Scheduling;

/// <summary>Where the scheduler keeps a due entry: the time slot of its fire time (fixed slots counted from the Unix
/// epoch, so every silo agrees) and a shard of its device, named as one bucket grain key.</summary>
internal static class MaintenanceBuckets
{
    private const string SlotFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The start of the slot of width <paramref name="slotLength"/> that holds <paramref name="at"/> (a moment
    /// on a boundary starts its slot).</summary>
    public static DateTimeOffset SlotStart(DateTimeOffset at, TimeSpan slotLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slotLength, TimeSpan.Zero);
        var sinceEpoch = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(Math.DivRem(sinceEpoch, slotLength.Ticks, out var rest) * slotLength.Ticks
            - (rest < 0 ? slotLength.Ticks : 0));
    }

    /// <summary>The bucket grain key of <paramref name="due"/>, e.g. <c>20270301T140000Z/5</c>.</summary>
    public static string KeyOf(MaintenanceDue due, TimeSpan slotLength, int shards) =>
        Key(SlotStart(due.FireAt, slotLength), ShardKeys.ShardOf(due.Serial, shards));

    public static string Key(DateTimeOffset slotStart, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{slotStart.UtcDateTime.ToString(SlotFormat, CultureInfo.InvariantCulture)}/{shard}");

    /// <summary>The slot start a bucket key names (the inverse of <see cref="Key"/>).</summary>
    public static DateTimeOffset SlotOf(string bucketKey)
    {
        var slash = bucketKey.IndexOf('/', StringComparison.Ordinal);
        var slot = slash < 0 ? bucketKey : bucketKey[..slash];
        return DateTimeOffset.ParseExact(slot, SlotFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>The key of exactly-once inside a bucket: serial, plan and period (none may contain a line feed).</summary>
    public static string EntryKey(MaintenanceDue due) => $"{due.Serial}\n{due.PlanId}\n{due.Period}";
}
