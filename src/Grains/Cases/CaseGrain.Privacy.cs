using AfterSales.Domain.Privacy;
using AfterSales.Persistence;
using AfterSales.Surveys;

namespace AfterSales.Cases;

/// <summary>The GDPR erase of a customer reaching their cases: the texts a customer or an agent wrote about them (the
/// subject, the description, the resolution summary, the notes) may hold names, numbers and addresses, so they are
/// replaced; ids, status, times and the history's structure stay, as the audit trail does.</summary>
internal sealed partial class CaseGrain
{
    /// <summary>What an erased text reads.</summary>
    internal const string ErasedText = Domain.Privacy.ErasedText.Value;

    public async Task<bool> ErasePersonalDataAsync(string customerId) => await EraseCustomerDataAsync(customerId) is not null;

    public async Task<CaseErasure?> EraseCustomerDataAsync(string customerId)
    {
        if (!S.Opened || S.CustomerId != customerId || S.PersonalDataErasedAt is not null)
        {
            return null;
        }
        // The journal and the surveys first: a failure there leaves the case unchanged and a repeat of the erase does it
        // all again (each step is idempotent); once the case's own write below commits, nothing of it holds the texts.
        var events = await EraseJournalAsync();
        // A survey tells its case one-way and never awaits it: no cycle.
        var comments = await Task.WhenAll(S.Surveys.Values.Select(s => GrainFactory.GetGrain<ISurveyGrain>(s.Token).ErasePersonalDataAsync()));
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
        foreach (var (source, survey) in S.Surveys.Keys.Select(k => (k, S.Surveys[k])).ToList())
        {
            S.Surveys.Set(source, survey with { Issue = survey.Issue with { Subject = ErasedText } });
        }
        _surveys = null;
        S.PersonalDataErasedAt = now;
        // The event carries the new texts to the case list (its rows and word search follow the case's facts).
        Record(now, SystemActor, CaseEventKinds.PersonalDataErased, null, null, null);
        await CommitAsync(now);
        return new CaseErasure(events, comments.Count(c => c));
    }

    /// <summary>Rewrites the personal parts of every event already in the journal (<see cref="CaseEventErasure"/>).</summary>
    private Task<int> EraseJournalAsync() => events.RewriteStreamAsync(CaseState.StreamType, Number, S.LastEventSequence, CaseEventErasure.Erase);
}
