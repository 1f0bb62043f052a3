using AfterSales.Faults.Ledger;

namespace AfterSales.Faults.Checking;

/// <summary>Holds a ledger against the database. For every case the run opened (found by the token in its subject):
/// an acknowledged open is stored exactly once — its grain record, one <c>opened</c> event, its idempotency record, the
/// one case carrying its token, and the assignment it answered (an <c>assigned</c> event naming the technician and,
/// when asked, the technician's assignment row); an unacknowledged open is stored at most once; an acknowledged start
/// has exactly one <c>start</c> event, an unacknowledged one at most one.</summary>
public static class LedgerChecker
{
    public const string IdempotencyScope = "cases";

    /// <param name="checkAssignmentRows">Also require the technician's assignment row of every acknowledged assignment
    /// (valid while the run resolves nothing, so no assignment is released).</param>
    public static LedgerVerdict Check(WriteLedger ledger, StoreSnapshot store, bool checkAssignmentRows = true)
    {
        var verdict = new LedgerVerdict();
        var byToken = store.Cases.Values
            .SelectMany(c => c.Subjects.Where(s => s.StartsWith(ledger.TokenPrefix, StringComparison.Ordinal)).Select(s => (Token: s, Case: c)))
            .GroupBy(x => x.Token, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Case).Distinct().ToList(), StringComparer.Ordinal);
        verdict.CasesStored = byToken.Values.Sum(c => c.Count);

        foreach (var write in ledger.Writes)
        {
            if (write.Kind == WriteKind.OpenCase)
            {
                CheckOpen(write, byToken.GetValueOrDefault(write.Token) ?? [], store, verdict, checkAssignmentRows);
            }
            else
            {
                CheckStart(write, store, verdict);
            }
        }
        return verdict;
    }

    private static void CheckOpen(LedgerWrite write, List<StoredCase> carrying, StoreSnapshot store, LedgerVerdict verdict, bool checkAssignmentRows)
    {
        if (carrying.Count > 1)
        {
            verdict.Duplicated.Add($"{write.Token} is the subject of {carrying.Count} cases ({string.Join(", ", carrying.Select(c => c.Number))})");
        }
        if (write.Outcome != WriteOutcome.Acknowledged)
        {
            verdict.UnacknowledgedButStored += carrying.Count > 0 ? 1 : 0;
            return;
        }
        verdict.AcknowledgedOpens++;
        var number = write.CaseNumber!;
        if (!store.Cases.TryGetValue(number, out var stored) || stored.Count("opened") == 0)
        {
            verdict.Lost.Add($"{write.Token}: case {number} has no opened event");
            return;
        }
        if (!stored.HasRecord)
        {
            verdict.Lost.Add($"{write.Token}: case {number} has events but no grain record");
        }
        if (stored.Count("opened") > 1)
        {
            verdict.Duplicated.Add($"{write.Token}: case {number} was opened {stored.Count("opened")} times");
        }
        if (!stored.Subjects.Contains(write.Token))
        {
            verdict.Mismatched.Add($"{write.Token}: answered case {number}, whose subject is {string.Join(", ", stored.Subjects)}");
        }
        if (!store.IdempotencyKeys.Contains($"{IdempotencyScope}/{write.Token}"))
        {
            verdict.Lost.Add($"{write.Token}: no idempotency record for its key");
        }
        if (write.AnsweredTechnician is { } technician)
        {
            if (stored.Count("assigned") == 0 || !stored.Assignees.Contains(technician))
            {
                verdict.Lost.Add($"{write.Token}: case {number} answered assigned to {technician}, the journal does not say so");
            }
            else if (checkAssignmentRows && !store.Assignments.Contains((technician, number)))
            {
                verdict.Lost.Add($"{write.Token}: technician {technician} has no assignment row for case {number}");
            }
        }
    }

    private static void CheckStart(LedgerWrite write, StoreSnapshot store, LedgerVerdict verdict)
    {
        var starts = store.Cases.TryGetValue(write.CaseNumber!, out var stored) ? stored.Count("start") : 0;
        if (starts > 1)
        {
            verdict.Duplicated.Add($"start of {write.CaseNumber} recorded {starts} times");
        }
        if (write.Outcome != WriteOutcome.Acknowledged)
        {
            verdict.UnacknowledgedButStored += starts > 0 ? 1 : 0;
            return;
        }
        verdict.AcknowledgedStarts++;
        if (starts == 0)
        {
            verdict.Lost.Add($"start of {write.CaseNumber} was acknowledged, the journal has no start event");
        }
    }
}
