using System.Collections.Immutable;
using AfterSales.Domain.CaseList;
using AfterSales.Live;
using AfterSales.Persistence;

namespace AfterSales.Domain.Live;

/// <summary>Turns the events of one case write into the change the live views need: where the case is now (from the
/// facts on the write's last event) and where it was, if the write moved it. Remembers the placement of the most recent
/// cases (bounded) to tell a move; pure and single-threaded (one grain owns it).</summary>
internal sealed class CaseChanges(int capacity = 4_096)
{
    private readonly Dictionary<string, (string Department, string Region)> _placements = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public CaseChange? Of(string caseNumber, ImmutableArray<JournalEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return null;
        }
        var last = events[^1];
        var payload = CaseEventPayload.Deserialize(last.Data);
        var facts = payload.Facts;
        string? previousDepartment = null, previousRegion = null;
        if (facts is not null)
        {
            if (_placements.TryGetValue(caseNumber, out var before)
                && (before.Department != facts.Department || before.Region != facts.Region))
            {
                (previousDepartment, previousRegion) = before;
            }
            Remember(caseNumber, (facts.Department, facts.Region));
        }
        else if (_placements.TryGetValue(caseNumber, out var known))
        {
            // An old-format write without facts: the case is still where it was last seen.
            return new CaseChange(caseNumber, last.Sequence, last.Kind, last.At, payload.To, known.Department, known.Region);
        }
        return new CaseChange(caseNumber, last.Sequence, last.Kind, last.At, facts?.Status ?? payload.To, facts?.Department, facts?.Region,
            previousDepartment, previousRegion);
    }

    private void Remember(string caseNumber, (string, string) placement)
    {
        if (!_placements.ContainsKey(caseNumber))
        {
            _order.Enqueue(caseNumber);
        }
        _placements[caseNumber] = placement;
        while (_placements.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _placements.Remove(oldest);
        }
    }
}
