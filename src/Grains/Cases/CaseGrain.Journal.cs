using System.Globalization;
using AfterSales.Common;
using AfterSales.Persistence;

namespace AfterSales.Cases;

/// <summary>The case's journal: every change is recorded as an event, appended with the case's write and never cut;
/// history reads page through it. Also moves what an older version kept inside the record into rows and events.</summary>
internal sealed partial class CaseGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsUnrouted)
        {
            // Stored by an older version that wrote a case before routing it, and cut off in between: finish routing in
            // a turn of its own (never inside activation: a department reading this case must not wait on it).
            this.RegisterGrainTimer(_ => CompleteRoutingAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
        EnsureQueuedAfterActivation();
        ScheduleSurveyCheck();
        if (S.LegacyNotes.Count == 0 && S.LegacyHistory.Count == 0)
        {
            return;
        }
        // A case stored before notes and events had rows of their own: move them, once.
        foreach (var note in S.LegacyNotes)
        {
            S.Notes.Set(NoteKey(note.Id), note);
        }
        S.LegacyNotes.Clear();
        // The older version dropped the oldest entries past a thousand: what is left is numbered from 1 again, since a
        // stream's sequence has no gaps.
        var sequence = 0;
        foreach (var legacy in S.LegacyHistory)
        {
            S.Events.Append(ToJournal(legacy with { Sequence = ++sequence, EventId = Guid.CreateVersion7(legacy.At) }));
        }
        if (S.LegacyHistory.Count > 0)
        {
            S.LastEventSequence = sequence;
        }
        S.LegacyHistory.Clear();
        await state.WriteOrResetAsync(this, cancellationToken);
    }

    public async Task<CaseHistoryPage?> GetHistoryAsync(int afterSequence, int limit)
    {
        if (!S.Opened)
        {
            return null;
        }
        var stored = await events.ReadStreamAsync(CaseState.StreamType, Number, Math.Max(0, afterSequence), Math.Clamp(limit, 1, MaxHistoryPage));
        return new CaseHistoryPage([.. stored.Select(e => CaseEventData.ToCaseEvent(e.Event))], S.LastEventSequence);
    }

    private void Record(DateTimeOffset now, string actor, string action, CaseStatus? from, CaseStatus? to, string? details)
    {
        var recorded = new CaseEvent(++S.LastEventSequence, now, actor, action, from, to, details) { EventId = Guid.CreateVersion7(now) };
        S.Events.Append(ToJournal(recorded));
        if (from is { } f && to is { } t)
        {
            logger.CaseChanged(Number, action, f, t);
        }
    }

    private static JournalEvent ToJournal(CaseEvent recorded) => CaseEventData.ToJournal(recorded);

    private static string NoteKey(int id) => id.ToString("D6", CultureInfo.InvariantCulture);
}
