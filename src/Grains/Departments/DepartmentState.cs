using System.Collections.Immutable;
using AfterSales.Persistence;
using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>Durable state of <see cref="DepartmentGrain"/>: every part lives in rows, one per technician, waiting case
/// and pending return, so queueing or dequeuing a case writes one row however long the queue is.</summary>
/// <remarks>Ids 0–2 held the roster, the queue and the pending returns before they moved to rows: never reuse them.</remarks>
[GenerateSerializer, Alias("AfterSales.Grains.DepartmentState")]
internal sealed class DepartmentState : IRowBackedState
{
    [NonSerialized] private readonly StateRows<RosterMember> _roster = new("roster");
    [NonSerialized] private readonly StateRows<QueueEntry> _queue = new("queue");
    [NonSerialized] private readonly StateRows<PendingReturn> _pendingReturns = new("return");

    /// <summary>Roster: technician id → its last known routing status. A row is written when membership changes
    /// (not on every push); a reactivated department refreshes the statuses from the technicians.</summary>
    public StateRows<RosterMember> Roster => _roster;

    /// <summary>Waiting cases by case number; the grain keeps their order in memory.</summary>
    public StateRows<QueueEntry> Queue => _queue;

    /// <summary>Cases a technician dropped (off shift) that are not yet back in the queue: written before the
    /// cases are asked, so a failure or a restart retries instead of losing them.</summary>
    public StateRows<PendingReturn> PendingReturns => _pendingReturns;

    /// <summary>The technician round-robin chose last (as of the last write): a reactivated department continues
    /// after it.</summary>
    [Id(3)] public string? RoundRobinCursor { get; set; }

    public IReadOnlyList<IStateRows> RowSets => [Roster, Queue, PendingReturns];

    public EventJournal? Journal => null;
}

/// <summary>A technician on the roster.</summary>
/// <param name="ReturnsSeen">The sequence of the technician's last off-shift return this department reconciled.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.RosterMember")]
internal sealed record RosterMember([property: Id(0)] TechnicianStatus Status, [property: Id(1)] long ReturnsSeen);

/// <summary>A waiting case and what an offer for it needs besides the public queue entry.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.QueueEntry")]
internal sealed record QueueEntry([property: Id(0)] QueuedCase Case, [property: Id(1)] string CustomerId)
{
    /// <summary>The rules the requirements came from (shown in decisions).</summary>
    [Id(2)] public ImmutableArray<string> MatchedRuleIds { get; init; } = [];

    /// <summary>Customer affinity.</summary>
    [Id(3)] public string? PreferredTechnicianId { get; init; }

    /// <summary>When this queue last acted early on the case's predicted breach (the cool-down runs from here).</summary>
    [Id(4)] public DateTimeOffset? ReroutedAt { get; init; }
}

/// <summary>A case dropped by a technician going off shift, waiting to be put back in the queue.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.PendingReturn")]
internal sealed record PendingReturn([property: Id(0)] string CaseNumber, [property: Id(1)] string TechnicianId);
