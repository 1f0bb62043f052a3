using AfterSales.Staff;

namespace AfterSales.Domain;

/// <summary>
/// Least-loaded selection over a department's routing view: among on-shift technicians with at least
/// <c>weight</c> free units, the lowest load ratio wins; ties go to the one idle longest (never assigned
/// counts as idle longest), then to the ordinal-smallest id so the choice is deterministic.
/// </summary>
internal static class TechnicianSelector
{
    public static TechnicianChoice Select(IEnumerable<TechnicianStatus> roster, int weight, IReadOnlySet<string>? excluded = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        TechnicianStatus? best = null;
        int total = 0, onShift = 0, skipped = 0, candidates = 0;
        foreach (var technician in roster)
        {
            total++;
            if (!technician.OnShift)
            {
                continue;
            }
            onShift++;
            if (excluded is not null && excluded.Contains(technician.TechnicianId))
            {
                skipped++;
                continue;
            }
            if (technician.Free < weight)
            {
                continue;
            }
            candidates++;
            if (best is null || Compare(technician, best) < 0)
            {
                best = technician;
            }
        }

        if (best is null)
        {
            return new TechnicianChoice(null, NoneReason(total, onShift, skipped, weight), 0);
        }
        return new TechnicianChoice(
            best,
            $"least-loaded: {best.TechnicianId} at {best.Load}/{best.Capacity} of {candidates} on-shift candidate{(candidates == 1 ? "" : "s")}",
            candidates);
    }

    /// <summary>Negative when <paramref name="a"/> should get the case before <paramref name="b"/>.</summary>
    internal static int Compare(TechnicianStatus a, TechnicianStatus b)
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

    private static string NoneReason(int total, int onShift, int skipped, int weight)
    {
        if (total == 0)
        {
            return "no technician on the roster";
        }
        if (onShift == 0)
        {
            return $"none of {total} rostered technician{(total == 1 ? " is" : "s are")} on shift";
        }
        var refused = skipped > 0 ? $", {skipped} refused" : "";
        return $"no on-shift technician has {weight} free unit{(weight == 1 ? "" : "s")} ({onShift} on shift{refused})";
    }
}
