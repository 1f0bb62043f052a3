namespace AfterSales.Cases;

/// <summary>The GDPR erase of a customer reaching their cases: the texts a customer or an agent wrote about them (the
/// subject, the description, the resolution summary, the notes) may hold names, numbers and addresses, so they are
/// replaced; ids, status, times and the history's structure stay, as the audit trail does.</summary>
internal sealed partial class CaseGrain
{
    /// <summary>What an erased text reads.</summary>
    internal const string ErasedText = "[erased]";

    public async Task<bool> ErasePersonalDataAsync(string customerId)
    {
        if (!S.Opened || S.CustomerId != customerId || S.PersonalDataErasedAt is not null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        S.Subject = ErasedText;
        S.Description = ErasedText;
        if (S.ResolutionSummary is not null)
        {
            S.ResolutionSummary = ErasedText;
        }
        foreach (var note in S.Notes.Values.ToList())
        {
            S.Notes.Set(NoteKey(note.Id), note with { Text = ErasedText });
        }
        _notes = null;
        S.PersonalDataErasedAt = now;
        // The event carries the new texts to the case list (its rows and word search follow the case's facts).
        Record(now, SystemActor, CaseEventKinds.PersonalDataErased, null, null, null);
        await CommitAsync(now);
        return true;
    }
}
