using AfterSales.Common;

namespace AfterSales.Staff;

/// <summary>
/// A department in one region (key <c>{department}/{region}</c>, see <see cref="GrainKeys.DepartmentRegion"/>):
/// keeps its roster's routing view current from technicians' pushes, assigns submitted cases or queues them,
/// and pulls from the queue when capacity frees.
/// </summary>
/// <remarks>Call-graph rule that keeps this deadlock-free: the department awaits technicians and cases;
/// technicians tell it things one-way; a case awaits its department only when it is not queued there.</remarks>
[Alias("AfterSales.IDepartmentGrain")]
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>Adds or refreshes a technician on the roster.</summary>
    [Alias("Join")]
    Task JoinAsync(TechnicianStatus status);

    /// <summary>A technician's load or presence changed (one-way: the technician never waits on routing).</summary>
    [Alias("TechnicianUpdated"), OneWay]
    Task TechnicianUpdatedAsync(TechnicianStatus status);

    /// <summary>Routes a new case: assigns it to the best on-shift technician with free capacity, or queues it.
    /// Idempotent per case number.</summary>
    [Alias("Submit")]
    Task<RoutingOutcome> SubmitAsync(CaseTicket ticket);

    /// <summary>Removes a case from the queue (cancelled). One-way; a stale entry is dropped when the case refuses it.</summary>
    [Alias("Withdraw"), OneWay]
    Task WithdrawAsync(string caseNumber);

    /// <summary>Roster, queue and load.</summary>
    [Alias("Get"), ReadOnly]
    Task<DepartmentSnapshot> GetAsync();
}
