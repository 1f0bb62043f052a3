using AfterSales.Departments;

namespace AfterSales.Technicians;

/// <summary>What the technician keeps and answers for its department's reconciliation.</summary>
internal sealed partial class TechnicianGrain
{
    public Task<TechnicianStanding> GetStandingAsync()
    {
        if (!S.Registered)
        {
            return Task.FromResult(new TechnicianStanding(null, null));
        }
        // A case taken back since (on shift again, offered the same case) is held, not returned: leave it out, so a
        // late return can never pull a case from a technician that holds it.
        var returned = S.LastReturned;
        if (returned is not null && returned.CaseNumbers.Any(number => S.Assignments.ContainsKey(number)))
        {
            returned = returned with { CaseNumbers = [.. returned.CaseNumbers.Where(number => !S.Assignments.ContainsKey(number))] };
        }
        return Task.FromResult(new TechnicianStanding(Status(), returned));
    }

    /// <summary>Kept with the off-shift write (the previous list is replaced): the department's one-way
    /// <see cref="IDepartmentGrain.CasesReturnedAsync"/> is at-most-once, and a reconciliation reads this list.</summary>
    private void RememberReturned(List<string> returned)
    {
        if (returned.Count > 0)
        {
            S.LastReturned = new ReturnedCases(S.Sequence, [.. returned]);
        }
    }
}
