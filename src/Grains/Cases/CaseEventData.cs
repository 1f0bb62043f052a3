using AfterSales.Domain;
using AfterSales.Domain.CaseList;
using AfterSales.Persistence;

namespace AfterSales.Cases;

/// <summary>How a case event is kept in the journal: the common columns (id, sequence, time, actor, kind) plus the
/// case-specific part as <see cref="StatusChangeData"/>.</summary>
internal static class CaseEventData
{
    public static JournalEvent ToJournal(CaseEvent e) =>
        new(e.EventId, e.Sequence, e.At, e.Actor, e.Action, StatusChangeData.Serialize(NameOf(e.From), NameOf(e.To), e.Details));

    /// <summary>The event with the case's list facts attached to its data (<see cref="CaseFacts"/>).</summary>
    public static JournalEvent WithFacts(JournalEvent e, CaseFacts facts)
    {
        var payload = CaseEventPayload.Deserialize(e.Data);
        return e with { Data = (payload with { Facts = facts }).Serialize() };
    }

    public static CaseEvent ToCaseEvent(JournalEvent e)
    {
        var payload = StatusChangeData.Deserialize(e.Data);
        return new CaseEvent(checked((int)e.Sequence), e.At, e.Actor, e.Kind, StatusOf(payload.From), StatusOf(payload.To), payload.Details)
        {
            EventId = e.EventId,
        };
    }

    private static string? NameOf(CaseStatus? status) => status is { } s ? CamelNames.Of(s) : null;

    private static CaseStatus? StatusOf(string? name) => name is null ? null : Enum.Parse<CaseStatus>(name, ignoreCase: true);
}
