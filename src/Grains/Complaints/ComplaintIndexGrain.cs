using AfterSales.Common;

namespace AfterSales.Complaints;

/// <summary>The complaints of one customer, case or technician. A write stores one row (the complaint that changed),
/// whatever the subject holds; the tally is counted from the rows in memory. It awaits nothing.</summary>
internal sealed class ComplaintIndexGrain(
    [PersistentState("complaintIndex", StorageNames.Main)] IPersistentState<ComplaintIndexState> state) : Grain, IComplaintIndexGrain
{
    private ComplaintIndexState S => state.State;

    public async Task RecordAsync(ComplaintEntry entry)
    {
        if (S.Complaints.TryGetValue(entry.Id, out var held) && held.Version >= entry.Version)
        {
            return; // a repeat, or a notice overtaken by a newer one
        }
        S.Complaints.Set(entry.Id, entry);
        S.Changes++;
        await state.WriteOrResetAsync(this);
    }

    public Task<ComplaintTally> GetTallyAsync() => Task.FromResult(Tally());

    public Task<ComplaintList> ListAsync(bool openOnly, int limit)
    {
        var items = S.Complaints.Values
            .Where(c => !openOnly || c.IsOpen)
            .OrderByDescending(c => c.ReceivedAt)
            .ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 0, ComplaintLimits.PageMax));
        return Task.FromResult(new ComplaintList([.. items], Tally()));
    }

    private ComplaintTally Tally()
    {
        var open = 0;
        ComplaintEntry? last = null;
        foreach (var entry in S.Complaints.Values)
        {
            open += entry.IsOpen ? 1 : 0;
            if (last is null || entry.ReceivedAt > last.ReceivedAt
                || (entry.ReceivedAt == last.ReceivedAt && string.CompareOrdinal(entry.Id, last.Id) > 0))
            {
                last = entry;
            }
        }
        return new ComplaintTally(open, S.Complaints.Count, last);
    }
}
