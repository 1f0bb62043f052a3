namespace AfterSales.Cases;

/// <summary>Lifecycle of a case: new → assigned → inProgress ⇄ waitingForCustomer → resolved → closed,
/// with reopen (resolved → inProgress) and cancel (from any open state).</summary>
[GenerateSerializer, Alias("AfterSales.CaseStatus")]
public enum CaseStatus
{
    New = 0,
    Assigned = 1,
    InProgress = 2,
    WaitingForCustomer = 3,
    Resolved = 4,
    Closed = 5,
    Cancelled = 6,
}
