using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>
/// The least-loaded order: the lowest load ratio first; ties go to the one idle longest (never assigned counts
/// as idle longest), then to the ordinal-smallest id so the order is total and deterministic.
/// </summary>
internal static class LeastLoaded
{
    /// <summary>Negative when <paramref name="a"/> should get the case before <paramref name="b"/>.</summary>
    public static int Compare(TechnicianStatus a, TechnicianStatus b)
    {
        // Ratios compared by cross-multiplication: exact, no floating-point ties gone wrong.
        var byRatio = ((long)a.Load * b.Capacity).CompareTo((long)b.Load * a.Capacity);
        if (byRatio != 0)
        {
            return byRatio;
        }
        var byIdle = (a.LastAssignedAt, b.LastAssignedAt) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            ({ } x, { } y) => x.CompareTo(y),
        };
        return byIdle != 0 ? byIdle : string.CompareOrdinal(a.TechnicianId, b.TechnicianId);
    }
}
