using AfterSales.Audit;

namespace AfterSales.Domain.Audit;

/// <summary>Which entries of the audit record a query selects, and in what order: newest first, ties by id descending,
/// so every entry has one place and a page continues exactly where the last one ended.</summary>
internal static class AuditSelection
{
    /// <summary>Newest first; among entries of the same instant, the greater id first.</summary>
    public static int NewestFirst(AuditEntry a, AuditEntry b)
    {
        var byTime = b.At.UtcTicks.CompareTo(a.At.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(b.Id, a.Id);
    }

    /// <summary>Whether the entry is in the query's range, passes its filters and comes after its cursor.</summary>
    public static bool Matches(AuditEntry entry, AuditQuery query) =>
        entry.At >= query.From && entry.At < query.To
        && (query.Actor is null || entry.Actor == query.Actor)
        && (query.TargetType is null || entry.TargetType == query.TargetType)
        && (query.TargetId is null || entry.TargetId == query.TargetId)
        && (query.Action is null || entry.Action == query.Action)
        && (query.Before is not { } before || Follows(entry, before));

    /// <summary>Whether the entry comes after <paramref name="position"/> in the newest-first order.</summary>
    public static bool Follows(AuditEntry entry, AuditPosition position) =>
        entry.At.UtcTicks < position.At.UtcTicks
        || entry.At.UtcTicks == position.At.UtcTicks && string.CompareOrdinal(entry.Id, position.Id) < 0;

    /// <summary>The first <paramref name="limit"/> selected entries of <paramref name="entries"/>, in order.</summary>
    public static List<AuditEntry> Take(IEnumerable<AuditEntry> entries, AuditQuery query, int limit)
    {
        var selected = entries.Where(entry => Matches(entry, query)).ToList();
        selected.Sort(NewestFirst);
        if (selected.Count > limit)
        {
            selected.RemoveRange(limit, selected.Count - limit);
        }
        return selected;
    }

    /// <summary>The hours a query reads, newest first: from the hour of its cursor (or of its end) down to the hour of
    /// its start.</summary>
    public static IEnumerable<DateTimeOffset> Hours(AuditQuery query)
    {
        var last = query.Before is { } before && before.At < query.To ? before.At : query.To - TimeSpan.FromTicks(1);
        for (var hour = AuditKeys.HourOf(last); hour >= AuditKeys.HourOf(query.From) && last >= query.From; hour -= AuditKeys.BucketLength)
        {
            yield return hour;
        }
    }
}
