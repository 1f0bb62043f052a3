using AfterSales.Domain.Privacy;
using AfterSales.Persistence;

namespace AfterSales.Complaints;

/// <summary>The GDPR erase of a customer reaching their complaint: the texts the customer and the desk wrote about them
/// are replaced, in the state and in the journal's earlier events; the complaint's structure and clock stay.</summary>
internal sealed partial class ComplaintGrain
{
    public async Task<bool> ErasePersonalDataAsync(string customerId)
    {
        if (!S.Filed || S.CustomerId != customerId || S.PersonalDataErasedAt is not null)
        {
            return false;
        }
        // The journal first: a failure leaves the complaint unchanged and a repeat does it all again.
        await events.RewriteStreamAsync(ComplaintState.StreamType, Id, S.LastEventSequence, ComplaintEventErasure.Erase);
        var now = time.GetUtcNow();
        S.Description = ErasedText.Value;
        S.CorrectiveAction = ErasedText.Of(S.CorrectiveAction);
        foreach (var key in S.Notes.Keys.ToList())
        {
            S.Notes.Set(key, S.Notes[key] with { Text = ErasedText.Value });
        }
        S.PersonalDataErasedAt = now;
        Record(now, SystemActor, ComplaintEventKinds.PersonalDataErased, null, null, null);
        await CommitAsync(now);
        return true;
    }
}
