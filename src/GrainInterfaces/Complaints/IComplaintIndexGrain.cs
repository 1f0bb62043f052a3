using System.Collections.Immutable;

namespace AfterSales.Complaints;

/// <summary>What a complaint list belongs to.</summary>
[GenerateSerializer, Alias("AfterSales.Complaints.ComplaintSubject")]
public enum ComplaintSubject
{
    Customer = 0,
    Case = 1,
    Technician = 2,
}

/// <summary>A complaint as the lists of its customer, case and technician keep it.</summary>
/// <param name="Version">The complaint's version this entry shows; an older one never replaces a newer one.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintEntry")]
public sealed record ComplaintEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] ComplaintStatus Status,
    [property: Id(2)] ComplaintSeverity Severity,
    [property: Id(3)] ComplaintCategory Category,
    [property: Id(4)] DateTimeOffset ReceivedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] int Version)
{
    /// <summary>Open until closed (a resolved complaint still waits for the customer's answer).</summary>
    public bool IsOpen => Status != ComplaintStatus.Closed;
}

/// <summary>The counts of a subject's complaints and the last one received.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintTally")]
public sealed record ComplaintTally(
    [property: Id(0)] int Open,
    [property: Id(1)] int Total,
    [property: Id(2)] ComplaintEntry? Last);

/// <summary>A subject's complaints, newest first, with its tally.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Complaints.ComplaintList")]
public sealed record ComplaintList(
    [property: Id(0)] ImmutableArray<ComplaintEntry> Items,
    [property: Id(1)] ComplaintTally Tally);

/// <summary>The complaints of one customer, case or technician (key: <c>{subject}/{id}</c>, see
/// <c>GrainKeys.ComplaintIndex</c>), one row each, kept by the complaints themselves: a complaint tells its lists after
/// every change, again after a failure, and an entry older than the stored one is ignored, so repeats are harmless.</summary>
[Alias("AfterSales.Complaints.IComplaintIndexGrain")]
public interface IComplaintIndexGrain : IGrainWithStringKey
{
    /// <summary>Stores the entry unless a newer version of it is stored.</summary>
    [Alias("Record")]
    Task RecordAsync(ComplaintEntry entry);

    /// <summary>The tally (open, total, last received).</summary>
    [Alias("GetTally"), ReadOnly]
    Task<ComplaintTally> GetTallyAsync();

    /// <summary>The complaints newest first (only open ones when <paramref name="openOnly"/>), at most <paramref name="limit"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<ComplaintList> ListAsync(bool openOnly, int limit);
}
