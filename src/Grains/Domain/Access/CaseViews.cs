using AfterSales.Access;
using AfterSales.Cases;

namespace AfterSales.Domain.Access;

/// <summary>What of a case a caller sees: a customer sees only the notes written for them, never the internal ones.</summary>
public static class CaseViews
{
    public static CaseSnapshot For(CaseSnapshot snapshot, CallerScope caller)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role == CallerRole.Customer && !snapshot.Notes.IsDefaultOrEmpty
            ? snapshot with { Notes = [.. snapshot.Notes.Where(note => note.Visibility == NoteVisibility.Customer)] }
            : snapshot;
    }

    /// <summary>A complaint as <paramref name="caller"/> may see it: a customer sees only the notes written for them.</summary>
    public static AfterSales.Complaints.ComplaintSnapshot For(AfterSales.Complaints.ComplaintSnapshot snapshot, CallerScope caller)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role == CallerRole.Customer && !snapshot.Notes.IsDefaultOrEmpty
            ? snapshot with { Notes = [.. snapshot.Notes.Where(note => note.Visibility == NoteVisibility.Customer)] }
            : snapshot;
    }
}
