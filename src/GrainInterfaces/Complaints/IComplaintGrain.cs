using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Complaints;

/// <summary>One complaint (key: its id, <c>CMP-2026-000123</c>): its lifecycle, notes and journal. It keeps the
/// complaint lists of its customer, related case and technician current (<see cref="IComplaintIndexGrain"/>).</summary>
[Alias("AfterSales.Complaints.IComplaintGrain")]
public interface IComplaintGrain : IGrainWithStringKey
{
    /// <summary>Files the complaint: the customer must exist (404), the case, device and technician too (404 on their
    /// field), and the case and device must be the customer's (422). A replay (same request hash) answers the stored one.</summary>
    [Alias("File")]
    Task<Result<ComplaintSnapshot>> FileAsync(FileComplaintRequest request);

    /// <summary>The complaint, or null when it was never filed.</summary>
    [Alias("Get"), ReadOnly]
    Task<ComplaintSnapshot?> GetAsync();

    /// <summary>The GDPR erase of the complaint's customer: the description, every note's text, the corrective action and
    /// the personal texts of the journal's earlier events become "[erased]", recorded as one event; ids, status, times,
    /// category and severity stay. False when the complaint is another customer's or was erased before.</summary>
    [Alias("ErasePersonalData")]
    Task<bool> ErasePersonalDataAsync(string customerId);

    /// <summary>The complaint as <paramref name="caller"/> may see it (a customer: their own, with the notes written for
    /// them), or null when it does not exist or is out of the caller's reach — the two read the same.</summary>
    [Alias("GetFor"), ReadOnly]
    Task<ComplaintSnapshot?> GetForAsync(Access.CallerScope caller);

    /// <summary>Applies a lifecycle action; an action the status does not allow is a conflict listing the allowed ones.</summary>
    [Alias("Apply")]
    Task<Result<ComplaintSnapshot>> ApplyAsync(ComplaintCommand command);

    /// <summary>Raises the severity (never lowers it) while the complaint is not resolved or closed.</summary>
    [Alias("Escalate")]
    Task<Result<ComplaintSnapshot>> EscalateAsync(EscalateComplaintRequest request);

    /// <summary>Adds a note, in any status.</summary>
    [Alias("AddNote")]
    Task<Result<ComplaintSnapshot>> AddNoteAsync(AddNoteCommand command);

    /// <summary>The events after <paramref name="afterSequence"/>, at most <paramref name="limit"/>; null when never filed.</summary>
    [Alias("GetHistory"), ReadOnly]
    Task<ComplaintHistoryPage?> GetHistoryAsync(long afterSequence, int limit);
}

/// <summary>Hands out complaint ids from blocks it reserves (stateless worker, key 0).</summary>
[Alias("AfterSales.Complaints.IComplaintNumberGrain")]
public interface IComplaintNumberGrain : IGrainWithIntegerKey
{
    /// <summary>A fresh id such as <c>CMP-2026-000123</c>; never handed out twice.</summary>
    [Alias("Next")]
    Task<string> NextAsync();
}
