using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Technicians;

namespace AfterSales.Departments;

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

    /// <summary>Decides where a case goes without waiting for the technician ("the department decides, the case
    /// claims"): ranks the view, reserves the case's weight on the chosen technician so concurrent decisions see it,
    /// and answers with an offer the case claims itself with <see cref="ITechnicianGrain.TryAssignAsync"/>; or queues
    /// the case (cases already wait, nobody is eligible, or <paramref name="refusals"/> reached the limit of offers).
    /// An earlier offer for the same case goes to the same technician again (it accepts idempotently).</summary>
    /// <param name="ticket">The case.</param>
    /// <param name="refusals">Technicians that refused this case's claims so far (empty on the first call).</param>
    [Alias("Decide")]
    Task<RoutingOffer> DecideAsync(CaseTicket ticket, ImmutableArray<ClaimRefusal> refusals);

    /// <summary>The technician accepted the case's claim: the reservation becomes load, with the status from the
    /// technician's reply. One-way: a lost confirmation is superseded by the technician's next status push or the
    /// reservation's time bound.</summary>
    [Alias("Confirm"), OneWay]
    Task ConfirmAsync(string caseNumber, TechnicianStatus status);

    /// <summary>Removes a case from the queue (cancelled). One-way; a stale entry is dropped when the case refuses it.</summary>
    [Alias("Withdraw"), OneWay]
    Task WithdrawAsync(string caseNumber);

    /// <summary>Roster, queue and load.</summary>
    [Alias("Get"), ReadOnly]
    Task<DepartmentSnapshot> GetAsync();

    /// <summary>A technician dropped these not-yet-started cases (it went off shift); the department returns each
    /// to its queue and routes it again. One-way: the technician never waits on routing.</summary>
    [Alias("CasesReturned"), OneWay]
    Task CasesReturnedAsync(TechnicianStatus status, ImmutableArray<string> caseNumbers);

    /// <summary>Reviews the queue now: drops optional skills of cases waiting longer than the policy's relaxation
    /// delay, offers cases to neighbour regions when past the overflow threshold, and drains. Idempotent; run by
    /// a timer and a reminder while cases wait, and callable by supervisors.</summary>
    [Alias("ReviewQueue")]
    Task<QueueReview> ReviewQueueAsync();

    /// <summary>Free capacity and queue length, for a neighbour deciding whether to offer overflow. Read-only and
    /// interleaving, so two departments asking each other at once never wait on each other.</summary>
    [Alias("GetCapacity"), ReadOnly, AlwaysInterleave]
    Task<DepartmentCapacity> GetCapacityAsync();

    /// <summary>The distinct skill sets of the roster, for a sibling shard or a neighbour region judging whether a
    /// case is unroutable. Read-only and interleaving; asked once per review, not per case.</summary>
    [Alias("GetSkills"), ReadOnly, AlwaysInterleave]
    Task<DepartmentSkills> GetSkillsAsync();

    /// <summary>Reconciles now what one-way messages may have lost: re-reads every technician on the roster (status,
    /// cases returned going off shift) and checks queued cases against what each case says. Runs by itself every
    /// 30 s while the department is active and at each reminder tick; callable to force it.</summary>
    [Alias("Reconcile")]
    Task<Reconciliation> ReconcileAsync();

    /// <summary>Another shard hands over waiting cases whose home is this shard now (the shard count changed). The
    /// cases join this queue unless already in it, and the sender hears which ones with <see cref="HandedOverAsync"/>.
    /// One-way: the sender keeps the entries and hands them over again until they are acknowledged.</summary>
    [Alias("AdoptQueued"), OneWay]
    Task AdoptQueuedAsync(string fromKey, ImmutableArray<QueueHandover> cases);

    /// <summary>The home shard took these cases: the sender drops its entries (one-way).</summary>
    [Alias("HandedOver"), OneWay]
    Task HandedOverAsync(ImmutableArray<string> caseNumbers);

    /// <summary>A sibling shard with an empty queue has free capacity: offer it waiting cases now instead of at the
    /// next review (one-way, coalesced).</summary>
    [Alias("SiblingHasRoom"), OneWay]
    Task SiblingHasRoomAsync(string siblingKey);

    /// <summary>A case that believes it waits here makes sure it is in the queue: queued again unless it is (one-way,
    /// so a queued case can ask without waiting on its department).</summary>
    [Alias("EnsureQueued"), OneWay]
    Task EnsureQueuedAsync(CaseTicket ticket);

    /// <summary>A neighbour region offers a waiting case: placed at once with an eligible technician, or refused
    /// (never queued here). A timeout is an unknown outcome; the origin then keeps the case queued.</summary>
    [Alias("AcceptOverflow"), ResponseTimeout("00:00:05")]
    Task<RoutingOutcome> AcceptOverflowAsync(CaseTicket ticket, string fromRegion);

    /// <summary>A queued case's priority changed: its entry takes its place for the new priority (one-way, so a queued
    /// case tells without waiting on its department; nothing happens when the case is not queued here).</summary>
    [Alias("Reprioritize"), OneWay]
    Task ReprioritizeAsync(string caseNumber, Cases.CasePriority priority);
}
