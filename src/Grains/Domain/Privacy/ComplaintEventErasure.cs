using System.Collections.Frozen;
using AfterSales.Complaints;
using AfterSales.Persistence;

namespace AfterSales.Domain.Privacy;

/// <summary>Which complaint events written before a GDPR erase may hold personal data, and the event's data with it
/// replaced: the details of every event but those the platform composes from enums and ids (the filing line, a note's
/// id, the overdue and auto-close lines). Deny by default, as <see cref="CaseEventErasure"/>.</summary>
internal static class ComplaintEventErasure
{
    private static readonly FrozenSet<string> PlatformDetails = new[]
    {
        ComplaintEventKinds.Received, ComplaintEventKinds.Note, ComplaintEventKinds.AcknowledgementOverdue,
        ComplaintEventKinds.AutoClosed, ComplaintEventKinds.PersonalDataErased,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The event's data with its personal parts erased, or null when it holds none.</summary>
    public static string? Erase(string kind, string data)
    {
        var payload = StatusChangeData.Deserialize(data);
        if (PlatformDetails.Contains(kind) || ErasedText.Of(payload.Details) == payload.Details)
        {
            return null;
        }
        return StatusChangeData.Serialize(payload.From, payload.To, ErasedText.Value);
    }
}
