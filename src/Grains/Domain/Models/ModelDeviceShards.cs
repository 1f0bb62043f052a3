using System.Globalization;
using AfterSales.Domain.Routing;

namespace AfterSales.Domain.Models;

/// <summary>How a model's devices are spread over the shards of its device index, and how a shard walks them: in
/// ordinal order of serial, so progress is one serial (the last one told) and survives a restart.</summary>
internal static class ModelDeviceShards
{
    /// <summary>Shards of one model's index. Fixed: changing it would strand the serials already recorded. 16 shards of
    /// a model with 500,000 devices hold about 31,000 serials each.</summary>
    public const int Count = 16;

    /// <summary>Key of shard <paramref name="shard"/> of <paramref name="model"/>'s index, e.g. <c>HX-200/3</c> (a model
    /// code contains no slash).</summary>
    public static string Key(string model, int shard) => string.Create(CultureInfo.InvariantCulture, $"{model}/{shard}");

    /// <summary>The shard key of the device <paramref name="serial"/> of <paramref name="model"/>.</summary>
    public static string KeyOf(string model, string serial) => Key(model, ShardKeys.ShardOf(serial, Count));

    /// <summary>Where the walk resumes in <paramref name="sorted"/> (serials in ordinal order): the index of the first
    /// serial after <paramref name="cursor"/>, or 0 when there is none.</summary>
    public static int ResumeAt(string[] sorted, string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }
        // Not found: the complement is where the cursor would go, i.e. the first serial after it.
        var at = Array.BinarySearch(sorted, cursor, StringComparer.Ordinal);
        return at >= 0 ? at + 1 : ~at;
    }
}
