using System.Globalization;

namespace AfterSales.Domain.CaseList;

/// <summary>Which partition of the case-event stream a case belongs to: FNV-1a of the case number's UTF-16 code
/// units, modulo <see cref="Count"/>. Stable across processes and versions (the list stores it beside each row).</summary>
public static class FeedPartitions
{
    /// <summary>Partitions of the stream, each followed by its own consumer grain. Changing it needs a rebuild of
    /// the list (rows are deleted and checkpointed per partition).</summary>
    public const int Count = 16;

    public static int Of(string caseNumber)
    {
        var hash = 2166136261u;
        foreach (var c in caseNumber)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % Count);
    }

    /// <summary>The key of a partition's consumer grain and stream: <c>p00</c>…<c>p15</c>.</summary>
    public static string Key(int partition) => string.Create(CultureInfo.InvariantCulture, $"p{partition:D2}");

    public static bool TryParseKey(string key, out int partition) =>
        int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out partition)
        && key.StartsWith('p') && partition is >= 0 and < Count;
}
