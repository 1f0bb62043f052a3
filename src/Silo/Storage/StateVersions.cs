using System.Globalization;
using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>The durable providers' ETags: the record's integer version as text.</summary>
internal static class StateVersions
{
    public static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an ETag stands for, or null for no ETag (the caller saw no record).</summary>
    public static long? Parse(string? etag, GrainStateKey key)
    {
        if (etag is null)
        {
            return null;
        }
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InconsistentStateException($"Grain state {key} has an ETag this storage did not issue.", "unknown", etag);
        }
        return version;
    }

    /// <summary>The exception for a refused write, naming what is stored and why.</summary>
    public static InconsistentStateException Refused(WriteOutcome outcome, GrainStateKey key, string storageName, string? etag)
    {
        var stored = outcome.StoredVersion is { } version ? ToETag(version) : "none";
        var reason = outcome.Status == WriteStatus.EventConflict
            ? $"its events were refused ({outcome.Detail})"
            : $"version conflict: expected ETag '{etag ?? "none"}', stored '{stored}'";
        return new InconsistentStateException($"Write of grain state {key} in storage '{storageName}' refused: {reason}.", stored, etag ?? "none");
    }
}
