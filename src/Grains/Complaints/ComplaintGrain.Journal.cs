using AfterSales.Domain;
using AfterSales.Persistence;

namespace AfterSales.Complaints;

/// <summary>The complaint's journal: every change is an event appended with the complaint's write and never cut.</summary>
internal sealed partial class ComplaintGrain
{
    public async Task<ComplaintHistoryPage?> GetHistoryAsync(long afterSequence, int limit)
    {
        if (!S.Filed)
        {
            return null;
        }
        var stored = await events.ReadStreamAsync(ComplaintState.StreamType, Id, Math.Max(0, afterSequence), Math.Clamp(limit, 1, MaxHistoryPage));
        return new ComplaintHistoryPage([.. stored.Select(e => FromJournal(e.Event))], S.LastEventSequence);
    }

    private void Record(DateTimeOffset now, string actor, string kind, ComplaintStatus? from, ComplaintStatus? to, string? details)
    {
        S.Events.Append(new JournalEvent(Guid.CreateVersion7(now), ++S.LastEventSequence, now, actor, kind,
            StatusChangeData.Serialize(NameOf(from), NameOf(to), details)));
        if (from is { } f && to is { } t)
        {
            logger.ComplaintChanged(Id, kind, f, t);
        }
    }

    private static ComplaintEvent FromJournal(JournalEvent e)
    {
        var payload = StatusChangeData.Deserialize(e.Data);
        return new ComplaintEvent(e.EventId, e.Sequence, e.At, e.Actor, e.Kind, StatusOf(payload.From), StatusOf(payload.To), payload.Details);
    }

    private static string? NameOf(ComplaintStatus? status) => status is { } s ? CamelNames.Of(s) : null;

    private static ComplaintStatus? StatusOf(string? name) => name is null ? null : Enum.Parse<ComplaintStatus>(name, ignoreCase: true);
}
