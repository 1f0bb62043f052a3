using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Diagnostics;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;
using Microsoft.Extensions.Logging;

namespace AfterSales.Departments;

/// <summary>
/// A department in one region (or a shard of one): keeps a routing view of its roster from the technicians' pushes,
/// decides for submitted cases with the policy's strategy (or queues them), pulls from the queue when capacity frees,
/// hands cases back to the queue when a technician goes off shift, relaxes optional skills of cases that waited too
/// long, tells each waiting case why it waits, offers waiting cases to sibling shards and neighbour regions, and
/// reconciles what lost one-way messages may have left behind.
/// </summary>
/// <remarks>
/// Files by concern: this one (activation, pushes, reads), <c>.Decide</c> (decide and place), <c>.Queue</c> (queue,
/// drain, returns), <c>.Review</c> (review, relaxation, waiting reasons, timers), <c>.Overflow</c> (siblings,
/// neighbours, rebalancing), <c>.Reconcile</c> (roster and queue reconciliation), <c>.Pending</c> (a test barrier that
/// runs a scheduled drain or sibling ask now).
/// Call graph (keeps it deadlock-free without reentrancy): this grain awaits technicians (TryAssign, Release,
/// GetStatus, GetStanding), cases in its queue (OnAssigned, OnReturned, both with short response timeouts; reads of
/// queued cases, bounded by a timeout) and other departments (GetCapacity and GetSkills, read-only and interleaving;
/// AcceptOverflow, with a short response timeout); technicians and other shards only tell it things one-way; a case
/// awaits it only while the case is not queued here. Two departments asking each other for overflow at once, or a
/// chain of cases moving between departments while both drain, would wait on each other: the response timeouts break
/// such a wait, and every timeout is an unknown outcome made safe because the technician is authoritative and a case
/// accepts one technician only. The drain and the review run from non-interleaving grain timers, in turns of their
/// own after the call that triggered them has returned.
/// </remarks>
internal sealed partial class DepartmentGrain(
    [PersistentState("department", StorageNames.Main)] IPersistentState<DepartmentState> state,
    RoutingPolicyCache policies,
    ShardCounts shards,
    DepartmentQueueLengths queueLengths,
    TimeProvider time,
    ILogger<DepartmentGrain> logger) : Grain, IDepartmentGrain, IRemindable
{
    /// <summary>How many technicians may refuse one case in a row before it is queued instead.</summary>
    internal const int MaxOffersPerCase = Dispatch.MaxRefusals;

    /// <summary>How long a reservation for an offer holds capacity in the view at most (a lost confirmation).</summary>
    internal static readonly TimeSpan ReservationLifetime = TimeSpan.FromSeconds(5);

    private readonly RosterView _roster = new();
    private readonly OfferMemory _offers = new();
    private readonly QueueIndex<QueueEntry> _queue = new(entry => entry.Case);

    private Department _department;
    private string _region = "";
    private int _shard;
    private int _shardCount = 1;

    private string Key => field ??= this.GetPrimaryKeyString();

    private DepartmentState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = Key;
        if (!ShardKeys.TryParse(key, out _department, out _region, out _shard))
        {
            throw new InvalidOperationException($"'{key}' is not a department-region key such as maintenance/east (or a shard of one, maintenance/east#1).");
        }
        _shardCount = shards.CountOf(_department, _region);
        // In queue order, so that each entry joins the back of the in-memory order.
        foreach (var entry in S.Queue.Values.OrderBy(e => e.Case, QueueOrder.Instance))
        {
            Index(entry);
        }
        foreach (var member in S.Roster.Values)
        {
            _roster.Replace(member.Status);
        }
        // The technicians' own answers replace what was stored (a reactivated view starts with no reservations).
        await ReconcileRosterAsync();
        if (S.Queue.Count > 0 || S.PendingReturns.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
        await HandOverForeignAsync();
        if (_roster.Count > 0 || S.Queue.Count > 0 || S.PendingReturns.Count > 0)
        {
            await KeepMaintainedAsync();
        }
        TrackQueueLength();
    }

    public Task JoinAsync(TechnicianStatus status) => AcceptStatusAsync(status);

    public Task TechnicianUpdatedAsync(TechnicianStatus status) => AcceptStatusAsync(status);

    public Task ConfirmAsync(string caseNumber, TechnicianStatus status)
    {
        if (_roster.ReservedFor(caseNumber) == status.TechnicianId)
        {
            // Only this case's reservation ends: the reply's status counts this claim, not other claims in flight.
            _roster.Release(caseNumber);
        }
        _roster.ObserveIfPresent(status);
        return Task.CompletedTask;
    }

    public async Task<DepartmentSnapshot> GetAsync()
    {
        var policy = await policies.GetAsync();
        var shown = new List<QueuedCase>(_queue.Count);
        var ahead = 0;
        foreach (var entry in _queue.Ordered())
        {
            shown.Add(IsCaseHomedHere(entry.Case.CaseNumber) ? Shown(entry.Case, ahead++) : entry.Case);
        }
        return new DepartmentSnapshot(_department, _region, [.. _roster.Ranked()], [.. shown], _roster.Load(shown.Count))
        {
            Strategy = RoutingPolicies.StrategyFor(policy, _department, _region),
            Unroutable = [.. shown.Where(c => c.Waiting?.Kind == WaitingReasonKind.Unroutable).Select(c => c.CaseNumber)],
            AtRisk = [.. AtRiskCases(shown)],
        };
    }

    public Task<DepartmentCapacity> GetCapacityAsync() => Task.FromResult(_roster.Capacity(_queue.Count));

    public Task<DepartmentSkills> GetSkillsAsync() => Task.FromResult(new DepartmentSkills(SkillProfiles.Of(_roster.Statuses.Select(t => t.Skills)).Profiles));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReviewReminder)
        {
            await MaintainAsync(reconcile: true);
        }
    }

    private async Task AcceptStatusAsync(TechnicianStatus status)
    {
        if (IsForeign(status) || !IsHomedHere(status.TechnicianId))
        {
            return;
        }
        var joined = !_roster.Contains(status.TechnicianId);
        var roomBefore = _roster.RoomOf(status.TechnicianId);
        if (!_roster.Observe(status, out var previous))
        {
            return;
        }
        Supersede(status);
        // Held work and handling times come with every push: the predictions may move.
        ScheduleRiskCheck();
        if (joined)
        {
            S.Roster.Set(status.TechnicianId, new RosterMember(status, 0));
            await state.WriteOrResetAsync(this);
            logger.RosterJoined(status.TechnicianId, Key);
            await KeepMaintainedAsync();
        }
        if (previous is null || previous.Capacity != status.Capacity)
        {
            await WarnIfTooSmallAsync(status);
        }
        if (previous is null || previous.Available != status.Available || !previous.Skills.SequenceEqual(status.Skills))
        {
            _reasonsStale = true;
        }
        // Only a status that may let a waiting case through is worth a drain: more room in the view (reservations
        // counted, so a push that ends a reservation frees room too) or other skills.
        var roomAfter = _roster.RoomOf(status.TechnicianId);
        var freed = roomAfter > 0 && (roomAfter > roomBefore || previous is null || !previous.Skills.SequenceEqual(status.Skills));
        if (freed && _queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
        else if (freed)
        {
            AskSiblingsForWork();
        }
        else if (_reasonsStale && _queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    /// <summary>A technician with capacity below the heaviest case type can still take such a case, but only when it
    /// holds nothing (<see cref="CapacityRule"/>): worth a warning, since it is rarely what was meant.</summary>
    private async Task WarnIfTooSmallAsync(TechnicianStatus status)
    {
        var policy = await policies.GetAsync();
        var heaviest = RoutingPolicies.DefaultWeights.Select(w => RoutingPolicies.WeightOf(policy, w.Type)).Max();
        if (status.Capacity < heaviest)
        {
            logger.CapacityBelowHeaviestCase(status.TechnicianId, Key, status.Capacity, heaviest);
        }
    }

    private bool IsForeign(TechnicianStatus status)
    {
        if (status.Department == _department && string.Equals(status.Region, _region, StringComparison.Ordinal))
        {
            return false;
        }
        logger.ForeignStatusIgnored(Key, status.TechnicianId, GrainKeys.DepartmentRegion(status.Department, status.Region));
        return true;
    }

    /// <summary>True when the technician's home shard is this one (always, for an unsharded department).</summary>
    private bool IsHomedHere(string technicianId) =>
        ShardKeys.ShardOf(technicianId, shards.CountOf(_department, _region)) == _shard;

    /// <summary>True when the case's home shard is this one (it changes only when the shard count does).</summary>
    private bool IsCaseHomedHere(string caseNumber) => ShardKeys.ShardOf(caseNumber, _shardCount) == _shard;

    /// <summary>A status the technician pushed (or answered on activation) counts what it accepted so far, so it ends
    /// the reservations made on an older status. A claim still in flight then shows only as a refusal if the
    /// technician is full, never as a wrong assignment.</summary>
    private void Supersede(TechnicianStatus status)
    {
        if (_roster.Supersede(status))
        {
            CapacityFreed();
        }
    }

    private RoutingRequest RequestFor(RoutingPolicy policy, CaseTicket ticket) =>
        RequestFor(policy, ticket.Weight, ticket.Required, ticket.Optional, ticket.Relaxed, ticket.MatchedRuleIds, ticket.PreferredTechnicianId);

    private RoutingRequest RequestFor(RoutingPolicy policy, QueueEntry entry) =>
        RequestFor(policy, entry.Case.Weight, entry.Case.Required, entry.Case.Optional, entry.Case.RelaxedAt is not null,
            entry.MatchedRuleIds, entry.PreferredTechnicianId);

    private RoutingRequest RequestFor(
        RoutingPolicy policy, int weight, ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional,
        bool relaxed, ImmutableArray<string> matchedRuleIds, string? preferred) =>
        new(_department, _region, RoutingPolicies.StrategyFor(policy, _department, _region), weight,
            required.IsDefault ? [] : required, optional.IsDefault ? [] : optional, relaxed,
            matchedRuleIds.IsDefault ? [] : matchedRuleIds, preferred, time.GetUtcNow());

    private static QueueEntry EntryFor(CaseTicket ticket, DateTimeOffset enqueuedAt, DateTimeOffset? relaxedAt = null)
    {
        var relaxed = relaxedAt ?? (ticket.Relaxed ? enqueuedAt : null);
        var queued = new QueuedCase(ticket.CaseNumber, ticket.Priority, ticket.Type, ticket.Weight, ticket.CreatedAt, enqueuedAt)
        {
            Required = ticket.Required.IsDefault ? [] : ticket.Required,
            Optional = relaxed is not null || ticket.Optional.IsDefault ? [] : ticket.Optional,
            RelaxedAt = relaxed,
            SlaDue = ticket.SlaDue,
            AtRisk = ticket.AtRisk,
        };
        return new QueueEntry(queued, ticket.CustomerId)
        {
            MatchedRuleIds = ticket.MatchedRuleIds.IsDefault ? [] : ticket.MatchedRuleIds,
            PreferredTechnicianId = ticket.PreferredTechnicianId,
        };
    }

    private static CaseTicket TicketOf(QueueEntry entry) =>
        new(entry.Case.CaseNumber, entry.Case.Type, entry.Case.Priority, entry.Case.Weight, entry.CustomerId, entry.Case.CreatedAt)
        {
            Required = entry.Case.Required,
            Optional = entry.Case.Optional,
            MatchedRuleIds = entry.MatchedRuleIds,
            PreferredTechnicianId = entry.PreferredTechnicianId,
            Relaxed = entry.Case.RelaxedAt is not null,
            SlaDue = entry.Case.SlaDue,
            AtRisk = entry.Case.AtRisk,
        };

    private static AssignmentOffer OfferFor(CaseTicket ticket) => CaseRouter.ClaimFor(ticket);

    private ITechnicianGrain Technician(string technicianId) => GrainFactory.GetGrain<ITechnicianGrain>(technicianId);

    private ICaseGrain Case(string caseNumber) => GrainFactory.GetGrain<ICaseGrain>(caseNumber);

    private IDepartmentGrain Department(string key) => GrainFactory.GetGrain<IDepartmentGrain>(key);
}
