using AfterSales.Console.Api;

namespace AfterSales.Console.Boards;

/// <summary>The cases a board read one by one (on a live change, after a reassignment), laid over the case list until the
/// list catches up. The case list follows the case events through its own subscriber, so right after a change it can
/// still lack a new case or show the old status and technician; the case itself never does.</summary>
internal sealed class FreshCases(TimeSpan hold)
{
    private readonly Dictionary<string, (CaseListItem Case, DateTimeOffset Until)> cases = new(StringComparer.Ordinal);

    /// <summary>How many cases are laid over the list now (each until the list shows it as new, or the hold lapses).</summary>
    public int Count => cases.Count;

    public void Clear() => cases.Clear();

    /// <summary>Keeps the case as read now; a read older than one already kept is ignored (reads can finish out of order).</summary>
    public void Remember(CaseListItem read, DateTimeOffset now)
    {
        if (!cases.TryGetValue(read.Number, out var kept) || kept.Case.UpdatedAt <= read.UpdatedAt)
        {
            cases[read.Number] = (read, now + hold);
        }
    }

    /// <summary>The open cases of the department-region: the listed ones with the fresher reads in their place, the fresh
    /// cases the list lacks first, and the cases a fresh read shows closed or gone to another board left out.</summary>
    public IReadOnlyList<CaseListItem> Merge(IReadOnlyList<CaseListItem> listed, string department, string region, DateTimeOffset now)
    {
        var byNumber = listed.ToDictionary(c => c.Number, StringComparer.Ordinal);
        foreach (var (number, (read, until)) in cases.ToList())
        {
            // The list has caught up (or the hold lapsed: then the list is trusted again).
            if (until <= now || (byNumber.TryGetValue(number, out var row) && row.UpdatedAt >= read.UpdatedAt))
            {
                cases.Remove(number);
            }
        }
        var result = new List<CaseListItem>(listed.Count + cases.Count);
        result.AddRange(cases.Values.Select(f => f.Case).Where(c => !byNumber.ContainsKey(c.Number) && Belongs(c)).OrderByDescending(c => c.CreatedAt));
        foreach (var row in listed)
        {
            if (!cases.TryGetValue(row.Number, out var fresh))
            {
                result.Add(row);
            }
            else if (Belongs(fresh.Case))
            {
                result.Add(fresh.Case);
            }
        }
        return result;

        bool Belongs(CaseListItem c) => IsOpen(c.Status) && c.Department == department && c.Region == region;
    }

    /// <summary>The case page's detail as a row of the case list.</summary>
    public static CaseListItem Row(CaseDetail c) => new(c.Number, c.Type, c.Status, c.Priority, c.Department, c.Region, c.AssignedTechnicianId,
        c.CustomerId, c.DeviceSerial, c.Subject, c.CreatedAt, c.UpdatedAt, c.Sla is { } sla ? (sla.AtRisk && sla.State == "ok" ? "atRisk" : sla.State) : null);

    private static bool IsOpen(string status) => status is "new" or "assigned" or "inProgress" or "waitingForCustomer";
}
