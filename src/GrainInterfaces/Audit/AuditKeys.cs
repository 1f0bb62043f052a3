using System.Globalization;

namespace AfterSales.Audit;

/// <summary>The keys of the audit record's grains: one per UTC hour and shard, so concurrent changes spread over
/// <see cref="Shards"/> grains and no grain takes every request.</summary>
public static class AuditKeys
{
    /// <summary>How many shards an hour of the record has.</summary>
    public const int Shards = 8;

    /// <summary>How long one bucket of the record spans.</summary>
    public static readonly TimeSpan BucketLength = TimeSpan.FromHours(1);

    /// <summary>The start of the hour holding <paramref name="at"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - utc % BucketLength.Ticks, TimeSpan.Zero);
    }

    /// <summary>The shard an entry id falls in: spread by the id, which is random in its low part.</summary>
    public static int ShardOf(string entryId) => (int)(Fnv(entryId) % Shards);

    /// <summary>The key of shard <paramref name="shard"/> of the hour starting at <paramref name="hour"/>, e.g.
    /// <c>2026-12-01T11/3</c>.</summary>
    public static string Log(DateTimeOffset hour, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{hour.UtcDateTime:yyyy-MM-dd'T'HH}/{shard}");

    /// <summary>The key of the grain an entry is written to.</summary>
    public static string LogOf(AuditEntry entry) => Log(HourOf(entry.At), ShardOf(entry.Id));

    // A stable hash (string.GetHashCode is randomised per process; a shard must not depend on which process wrote).
    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
