namespace AfterSales.Cases;

/// <summary>Complaints about the case: each recorded once in its history, where the case list counts it.</summary>
internal sealed partial class CaseGrain
{
    /// <summary>Complaint ids a case remembers; a case with more records no further complaints (none is that contested).</summary>
    internal const int MaxComplaints = 200;

    public async Task OnComplaintFiledAsync(string complaintId)
    {
        if (!S.Opened || S.ComplaintIds.Contains(complaintId, StringComparer.Ordinal) || S.ComplaintIds.Count >= MaxComplaints)
        {
            return;
        }
        var now = time.GetUtcNow();
        S.ComplaintIds.Add(complaintId);
        Record(now, "complaints", CaseEventKinds.ComplaintFiled, null, null, $"complaint {complaintId}");
        await CommitAsync(now);
    }
}
