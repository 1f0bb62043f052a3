using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Domain;

/// <summary>
/// The lifecycle of a case: new → assigned → inProgress ⇄ waitingForCustomer → resolved → closed, reopen
/// (resolved → inProgress) and cancel from any open state. One transition table drives both the check and
/// the list of allowed actions, so the two can never disagree.
/// </summary>
internal static class CaseStateMachine
{
    private static readonly ImmutableArray<CaseAction>[] AllowedByStatus = BuildAllowed();

    /// <summary>The actions a case in <paramref name="status"/> accepts, in declaration order.</summary>
    public static ImmutableArray<CaseAction> AllowedActions(CaseStatus status) =>
        (int)status >= 0 && (int)status < AllowedByStatus.Length ? AllowedByStatus[(int)status] : [];

    /// <summary>True for the states in which work is still expected (cancel is allowed).</summary>
    public static bool IsOpen(CaseStatus status) =>
        status is CaseStatus.New or CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer;

    /// <summary>Checks <paramref name="action"/> against <paramref name="from"/>; resolve needs a non-blank summary.</summary>
    public static CaseTransition Apply(CaseStatus from, CaseAction action, string? summary = null)
    {
        var allowed = AllowedActions(from);
        if (Target(from, action) is not { } to)
        {
            return new CaseTransition(from, action, from, RefusalMessage(from, action, allowed), null, allowed);
        }
        if (action == CaseAction.Resolve && string.IsNullOrWhiteSpace(summary))
        {
            return new CaseTransition(from, action, from, "A resolution summary is required to resolve a case.", "summary", allowed);
        }
        return new CaseTransition(from, action, to, null, null, allowed);
    }

    /// <summary>"Cannot close a case that is inProgress; allowed actions: wait, resolve, cancel."</summary>
    public static string RefusalMessage(CaseStatus from, CaseAction action, ImmutableArray<CaseAction> allowed)
    {
        var tail = allowed.IsDefaultOrEmpty
            ? "no further actions are allowed."
            : $"allowed actions: {string.Join(", ", allowed.Select(CamelNames.Of))}.";
        return $"Cannot {CamelNames.Of(action)} a case that is {CamelNames.Of(from)}; {tail}";
    }

    private static CaseStatus? Target(CaseStatus from, CaseAction action) => (from, action) switch
    {
        (CaseStatus.Assigned, CaseAction.Start) => CaseStatus.InProgress,
        (CaseStatus.InProgress, CaseAction.Wait) => CaseStatus.WaitingForCustomer,
        (CaseStatus.WaitingForCustomer, CaseAction.Resume) => CaseStatus.InProgress,
        (CaseStatus.InProgress or CaseStatus.WaitingForCustomer, CaseAction.Resolve) => CaseStatus.Resolved,
        (CaseStatus.Resolved, CaseAction.Close) => CaseStatus.Closed,
        (CaseStatus.Resolved, CaseAction.Reopen) => CaseStatus.InProgress,
        (_, CaseAction.Cancel) when IsOpen(from) => CaseStatus.Cancelled,
        _ => null,
    };

    private static ImmutableArray<CaseAction>[] BuildAllowed()
    {
        var statuses = Enum.GetValues<CaseStatus>();
        var table = new ImmutableArray<CaseAction>[statuses.Max(s => (int)s) + 1];
        foreach (var status in statuses)
        {
            table[(int)status] = [.. Enum.GetValues<CaseAction>().Where(a => Target(status, a) is not null)];
        }
        return table;
    }
}
