using System.Collections.Immutable;

namespace AfterSales.Technicians;

/// <summary>What the technician's status tells its department about the work itself: the cases held (oldest first) and
/// the latest cases finished after a start, from which the department learns its recent handling times.</summary>
internal sealed partial class TechnicianGrain
{
    // The held cases as the status shows them, built once until the assignments change.
    private ImmutableArray<HeldWork>? _held;

    private ImmutableArray<HeldWork> Held => _held ??= [.. OrderedAssignments()
        .Take(TechnicianStatus.MaxHeldShown)
        .Select(ToHeld)];

    private static HeldWork ToHeld(Assignment a) => new(a.CaseNumber, a.Weight, a.AssignedAt, a.StartedAt, a.SlaDue)
    {
        AtRisk = a.AtRisk,
        Required = a.Required.IsDefault ? [] : a.Required,
    };

    /// <summary>One assignment was added: the load grows by its weight, and the held cases (the oldest
    /// <see cref="TechnicianStatus.MaxHeldShown"/>) stay as they are when it is the newest — the usual case, so a
    /// technician holding hundreds does not sort them all again for every new one.</summary>
    private void WorkAdded(Assignment added)
    {
        if (_load is { } load)
        {
            _load = load + added.Weight;
        }
        if (_held is not { } held || (held.Length > 0 && !IsAfter(added, held[^1])))
        {
            _held = null;
            return;
        }
        if (held.Length < TechnicianStatus.MaxHeldShown)
        {
            // Fewer shown than the limit means every assignment is shown: the newest goes last.
            _held = held.Add(ToHeld(added));
        }
    }

    // The order of OrderedAssignments: assigned time, then case number.
    private static bool IsAfter(Assignment assignment, HeldWork last) =>
        assignment.AssignedAt > last.AssignedAt
        || (assignment.AssignedAt == last.AssignedAt && string.CompareOrdinal(assignment.CaseNumber, last.CaseNumber) > 0);

    /// <summary>The assignments changed: the load and the held cases are summed again when next asked for.</summary>
    private void WorkChanged()
    {
        _load = null;
        _held = null;
    }

    /// <summary>A started case the technician lets go is a handling-time sample (it goes out with the write and the
    /// push the release makes anyway). One never started says nothing about how long work takes.</summary>
    private void RecordCompletion(Assignment released)
    {
        if (released.StartedAt is not { } startedAt)
        {
            return;
        }
        var completions = S.RecentCompletions;
        completions.RemoveAll(c => c.CaseNumber == released.CaseNumber);
        completions.Insert(0, new CompletedWork(released.CaseNumber, released.Weight, released.AssignedAt, startedAt, time.GetUtcNow()));
        if (completions.Count > TechnicianStatus.RecentCompletions)
        {
            completions.RemoveRange(TechnicianStatus.RecentCompletions, completions.Count - TechnicianStatus.RecentCompletions);
        }
    }
}
