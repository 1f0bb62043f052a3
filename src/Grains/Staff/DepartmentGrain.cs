using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using Microsoft.Extensions.Logging;

namespace AfterSales.Staff;

/// <summary>
/// A department in one region: keeps a routing view of its roster from the technicians' pushes, routes submitted
/// cases with the policy's strategy (or queues them), pulls from the queue when capacity frees, hands cases back to
/// the queue when a technician goes off shift, relaxes optional skills of cases that waited too long, and offers
/// waiting cases to neighbour regions past the overflow threshold.
/// </summary>
/// <remarks>
/// Call graph (keeps it deadlock-free without reentrancy): this grain awaits technicians (TryAssign, Release,
/// GetStatus), cases in its queue (OnAssigned, OnReturned, both with short response timeouts; a read of a withdrawn
/// case whose offer had an unknown outcome) and neighbour
/// departments (GetCapacity, read-only and interleaving; AcceptOverflow, with a short response timeout); technicians
/// only tell it things one-way; a case awaits it only while the case is not queued here. Two departments asking each
/// other for overflow at once, or a chain of cases moving between departments while both drain, would wait on each
/// other: the response timeouts break such a wait, and every timeout is an unknown outcome made safe because the
/// technician is authoritative and a case accepts one technician only (a later drain offers again and releases a
/// technician the case refuses). The drain and the review run from non-interleaving grain timers, in turns of their
/// own after the call that triggered them has returned.
/// </remarks>
internal sealed class DepartmentGrain(
    [PersistentState("department", StorageNames.Main)] IPersistentState<DepartmentState> state,
    RoutingPolicyCache policies,
    ShardCounts shards,
    TimeProvider time,
    ILogger<DepartmentGrain> logger) : Grain, IDepartmentGrain, IRemindable
{
    /// <summary>How many technicians may refuse one case in a row before it is queued instead.</summary>
    internal const int MaxOffersPerCase = 5;

    /// <summary>How many cases one review offers to neighbour regions at most.</summary>
    internal const int MaxOverflowPerReview = 50;

    internal const string ReviewReminder = "queue-review";

    /// <summary>How often the in-memory timer reviews a non-empty queue (the reminder is the durable backstop).</summary>
    internal static readonly TimeSpan ReviewInterval = TimeSpan.FromSeconds(15);

    /// <summary>How many "last technician offered this case" hints are kept in memory.</summary>
    private const int MaxRememberedOffers = 1024;

    /// <summary>How long a reservation for an offer holds capacity in the view at most (a lost confirmation).</summary>
    internal static readonly TimeSpan ReservationLifetime = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private const string OffShiftReason = "technician went off shift";

    // A retried offer (its reply was lost) must reach the technician that may already hold the case, which then
    // accepts idempotently; without this hint the router could pick a second technician.
    private readonly Dictionary<string, string> _lastOffered = new(StringComparer.Ordinal);
    private readonly Queue<string> _offerOrder = new();

    // Offers made by DecideAsync whose claims are in flight: the view counts them as load.
    private readonly Reservations _reservations = new();
    private readonly List<string> _expired = [];

    private Department _department;
    private string _region = "";
    private int _shard;
    private IGrainTimer? _drainTimer;
    private bool _drainPending;
    private bool _drainPendingIsRetry;
    private IGrainTimer? _reviewTimer;
    private bool _reminderRegistered;
    private string? _roundRobinCursor;

    // The roster in ordinal id order (round-robin's order), patched in place when a status changes.
    private TechnicianStatus[]? _view;
    private Dictionary<string, int>? _viewIndex;

    private string Key => this.GetPrimaryKeyString();

    private Dictionary<string, TechnicianStatus> Roster => state.State.Roster;

    private List<QueueEntry> Queue => state.State.Queue;

    private List<PendingReturn> PendingReturns => state.State.PendingReturns;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = Key;
        if (!ShardKeys.TryParse(key, out _department, out _region, out _shard))
        {
            throw new InvalidOperationException($"'{key}' is not a department-region key such as maintenance/east (or a shard of one, maintenance/east#1).");
        }

        await RefreshRosterAsync();
        if (Queue.Count > 0 || PendingReturns.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
            await EnsureReviewAsync();
        }
    }

    public Task JoinAsync(TechnicianStatus status) => AcceptStatusAsync(status);

    public Task TechnicianUpdatedAsync(TechnicianStatus status) => AcceptStatusAsync(status);

    public async Task<RoutingOffer> DecideAsync(CaseTicket ticket, ImmutableArray<ClaimRefusal> refusals)
    {
        var number = ticket.CaseNumber;
        var position = PositionOf(number);
        if (position > 0)
        {
            return new RoutingOffer(null, position, $"already queued at position {position}");
        }

        // A refusal ends the case's reservation and corrects the view with the technician's own status.
        Dictionary<string, string>? refused = null;
        foreach (var refusal in refusals.IsDefault ? [] : refusals)
        {
            (refused ??= new Dictionary<string, string>(StringComparer.Ordinal))[refusal.TechnicianId] = refusal.Reason;
            if (_reservations.TryGet(number, out var held) && held.TechnicianId == refusal.TechnicianId)
            {
                EndReservation(number);
            }
            if (_lastOffered.TryGetValue(number, out var offered) && offered == refusal.TechnicianId)
            {
                _lastOffered.Remove(number);
            }
            ObserveIfRostered(refusal.Status);
        }

        var policy = await policies.GetAsync();
        ExpireReservations();
        var request = RequestFor(policy, ticket.Weight, ticket.Required, ticket.Optional, ticket.Relaxed, ticket.MatchedRuleIds, ticket.PreferredTechnicianId);
        RoutingDecision decision;
        if (Queue.Count > 0)
        {
            decision = JoinWaiting(request);
        }
        else if (refused is not null && refused.Count >= MaxOffersPerCase)
        {
            var summary = string.Create(CultureInfo.InvariantCulture, $"{refused.Count} technicians refused it in a row");
            decision = Router.Decide(request, View(), _roundRobinCursor, refused).Decision with { DecidedBy = DecisionKinds.Queued, ChosenTechnicianId = null, Summary = summary };
        }
        else
        {
            // An earlier offer for this case (its claim's answer may have been lost) goes to the same technician,
            // which accepts idempotently if it took the case; without this the router could pick a second one.
            var earlier = _reservations.TryGet(number, out var reserved) ? reserved.TechnicianId
                : _lastOffered.TryGetValue(number, out var remembered) ? remembered
                : null;
            if (earlier is not null && Roster.ContainsKey(earlier) && refused?.ContainsKey(earlier) != true)
            {
                return Offer(ticket, earlier, Router.Forced(request, earlier, DecisionKinds.Retry, "offered this case before and may hold it"));
            }
            var result = Router.Decide(request, View(), _roundRobinCursor, refused);
            if (result.Chosen is { } candidate)
            {
                if (request.Strategy == RoutingStrategy.RoundRobin && result.Decision.DecidedBy != DecisionKinds.Affinity)
                {
                    _roundRobinCursor = candidate.TechnicianId;
                }
                return Offer(ticket, candidate.TechnicianId, result.Decision);
            }
            decision = result.Decision;
        }

        position = await QueueAsync(ticket, policy, decision);
        return new RoutingOffer(null, position, decision.Summary) { Decision = decision };
    }

    public Task ConfirmAsync(string caseNumber, TechnicianStatus status)
    {
        if (_reservations.TryGet(caseNumber, out var held) && held.TechnicianId == status.TechnicianId)
        {
            // Only this case's reservation ends: the reply's status counts this claim, not other claims in flight.
            _reservations.Release(caseNumber);
            if (!Observe(status, out _))
            {
                RefreshViewOf(status.TechnicianId);
            }
        }
        else
        {
            ObserveIfRostered(status);
        }
        return Task.CompletedTask;
    }

    /// <summary>Reserves the case's weight on the technician in the view and makes the offer.</summary>
    private RoutingOffer Offer(CaseTicket ticket, string technicianId, RoutingDecision decision)
    {
        var replaced = _reservations.Reserve(
            ticket.CaseNumber, technicianId, ticket.Weight, Roster[technicianId].Sequence, time.GetUtcNow() + ReservationLifetime);
        RefreshViewOf(technicianId);
        if (replaced is not null)
        {
            RefreshViewOf(replaced);
        }
        Remember(ticket.CaseNumber, technicianId);
        logger.CaseOffered(ticket.CaseNumber, technicianId, Key, decision.Summary);
        return new RoutingOffer(technicianId, 0, decision.Summary) { Decision = decision };
    }

    /// <summary>Cases already waiting come first: the new one joins the queue and the drain serves all in order.</summary>
    private RoutingDecision JoinWaiting(RoutingRequest request)
    {
        var waiting = string.Create(CultureInfo.InvariantCulture, $"{Queue.Count} case{(Queue.Count == 1 ? " is" : "s are")} already waiting");
        ScheduleDrain(TimeSpan.Zero);
        return Router.Decide(request, View(), _roundRobinCursor).Decision with { DecidedBy = DecisionKinds.Queued, ChosenTechnicianId = null, Summary = waiting };
    }

    /// <summary>Queues a case (written before the answer) and keeps the review running; returns its position.</summary>
    private async Task<int> QueueAsync(CaseTicket ticket, RoutingPolicy policy, RoutingDecision decision)
    {
        var position = Enqueue(EntryFor(ticket, time.GetUtcNow()));
        await state.WriteOrResetAsync(this);
        logger.CaseQueued(ticket.CaseNumber, position, Key, decision.Summary);
        await EnsureReviewAsync();
        if (Queue.Count >= policy.Overflow.QueueLength && !RoutingPolicies.NeighboursOf(policy, _region).IsEmpty)
        {
            _reviewTimer?.Change(TimeSpan.Zero, ReviewInterval);
        }
        return position;
    }

    /// <summary>Ends a reservation that was not confirmed: its units are free in the view again.</summary>
    private void EndReservation(string caseNumber)
    {
        if (_reservations.Release(caseNumber) is { } technicianId)
        {
            RefreshViewOf(technicianId);
            CapacityFreed();
        }
    }

    private void ExpireReservations()
    {
        if (_reservations.Count == 0)
        {
            return;
        }
        _reservations.Expire(time.GetUtcNow(), _expired);
        if (_expired.Count == 0)
        {
            return;
        }
        foreach (var technicianId in _expired)
        {
            RefreshViewOf(technicianId);
        }
        _expired.Clear();
        CapacityFreed();
    }

    /// <summary>Units came free in the view: waiting cases may now fit.</summary>
    private void CapacityFreed()
    {
        if (Queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    public async Task WithdrawAsync(string caseNumber)
    {
        var removed = Queue.RemoveAll(e => e.Case.CaseNumber == caseNumber) > 0;
        if (_lastOffered.Remove(caseNumber, out var offered))
        {
            // An offer whose outcome is unknown may have left the case with a technician. Unless the case did take
            // that technician (its answer was lost, or a supervisor chose the same one), release it there.
            var held = await Case(caseNumber).GetAsync();
            if (held?.AssignedTechnicianId != offered
                || held.Status is not (CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer))
            {
                ObserveIfRostered(await Technician(offered).ReleaseAsync(caseNumber));
            }
        }
        if (removed)
        {
            await state.WriteOrResetAsync(this);
            logger.CaseWithdrawn(caseNumber, Key);
        }
    }

    public async Task<DepartmentSnapshot> GetAsync()
    {
        var policy = await policies.GetAsync();
        var roster = View().ToImmutableArray();
        var onShift = roster.Where(t => t.OnShift).ToList();
        var load = new DepartmentLoad(onShift.Count, onShift.Sum(t => t.Capacity), onShift.Sum(t => t.Load), Queue.Count);
        return new DepartmentSnapshot(_department, _region, roster, [.. Queue.Select(e => e.Case)], load)
        {
            Strategy = RoutingPolicies.StrategyFor(policy, _department, _region),
        };
    }

    public async Task CasesReturnedAsync(TechnicianStatus status, ImmutableArray<string> caseNumbers)
    {
        if (IsForeign(status))
        {
            return;
        }
        // A technician returns each case to the case's home shard, which may not be the technician's own.
        if (IsHomedHere(status.TechnicianId) && Observe(status, out _))
        {
            Supersede(status);
        }
        var added = false;
        foreach (var number in caseNumbers.IsDefault ? [] : caseNumbers)
        {
            if (!PendingReturns.Exists(p => p.CaseNumber == number))
            {
                PendingReturns.Add(new PendingReturn(number, status.TechnicianId));
                added = true;
            }
        }
        if (added)
        {
            await state.WriteOrResetAsync(this);
        }
        await ReturnPendingAsync();
        if (Queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    public Task<QueueReview> ReviewQueueAsync() => ReviewAsync();

    public Task<DepartmentCapacity> GetCapacityAsync()
    {
        int available = 0, free = 0, largest = 0;
        foreach (var technician in Roster.Values)
        {
            if (technician.Available)
            {
                available++;
                free += technician.Free;
                largest = Math.Max(largest, technician.Free);
            }
        }
        return Task.FromResult(new DepartmentCapacity(available, free, largest, Queue.Count));
    }

    public async Task<RoutingOutcome> AcceptOverflowAsync(CaseTicket ticket, string fromRegion)
    {
        if (Queue.Count > 0)
        {
            return new RoutingOutcome(null, 0, $"{Key} has cases waiting itself");
        }
        // A case waits in its home shard, in a neighbour region or in a sibling shard of this region alike.
        var origin = shards.HomeOf(_department, fromRegion, ticket.CaseNumber);
        var policy = await policies.GetAsync();
        var request = RequestFor(policy, ticket.Weight, ticket.Required, ticket.Optional, ticket.Relaxed, ticket.MatchedRuleIds, ticket.PreferredTechnicianId);
        var placed = await PlaceAsync(request, OfferFor(ticket.CaseNumber, ticket.Type, ticket.Priority, ticket.Weight, ticket.CustomerId, ticket.Required));
        if (placed.TechnicianId is not { } technicianId)
        {
            return new RoutingOutcome(null, 0, placed.Decision.Summary) { Decision = placed.Decision };
        }
        var decision = placed.Decision with { DecidedBy = DecisionKinds.Overflow, Summary = $"overflow from {origin}: {placed.Decision.Summary}" };
        // This department tells the case itself (on behalf of the origin, where the case waits), so that if the
        // origin's call times out the case is still either assigned here or not at all.
        var assignment = new DepartmentAssignment(technicianId, decision.Summary)
        {
            Decision = decision,
            From = origin,
            Department = _department,
            Region = _region,
        };
        var accepted = await Case(ticket.CaseNumber).OnAssignedAsync(assignment);
        _lastOffered.Remove(ticket.CaseNumber);
        if (!accepted)
        {
            ObserveIfRostered(await Technician(technicianId).ReleaseAsync(ticket.CaseNumber));
            logger.QueuedCaseDeclined(ticket.CaseNumber, technicianId);
            return new RoutingOutcome(null, 0, "the case no longer waits for a technician");
        }
        logger.CaseAssigned(ticket.CaseNumber, technicianId, Key, decision.Summary);
        return new RoutingOutcome(technicianId, 0, decision.Summary) { Decision = decision };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReviewReminder)
        {
            await ReviewTickAsync(CancellationToken.None);
        }
    }

    private async Task AcceptStatusAsync(TechnicianStatus status)
    {
        if (IsForeign(status) || !IsHomedHere(status.TechnicianId))
        {
            return;
        }
        var joined = !Roster.ContainsKey(status.TechnicianId);
        if (!Observe(status, out var previous))
        {
            return;
        }
        Supersede(status);
        if (joined)
        {
            await state.WriteOrResetAsync(this);
            logger.RosterJoined(status.TechnicianId, Key);
        }
        // Only a status that may let a waiting case through is worth a drain.
        if (Queue.Count > 0 && status.Available && status.Free > 0
            && (previous is null || !previous.Available || status.Free > previous.Free || !previous.Skills.SequenceEqual(status.Skills)))
        {
            ScheduleDrain(TimeSpan.Zero);
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

    /// <summary>Takes <paramref name="status"/> into the view unless the view already holds a newer one.</summary>
    private bool Observe(TechnicianStatus status, out TechnicianStatus? previous)
    {
        if (Roster.TryGetValue(status.TechnicianId, out previous) && status.Sequence <= previous.Sequence)
        {
            return false;
        }
        Roster[status.TechnicianId] = status;
        if (previous is not null && _view is not null && _viewIndex!.TryGetValue(status.TechnicianId, out var index))
        {
            _view[index] = Effective(status);
        }
        else
        {
            _view = null;
        }
        return true;
    }

    /// <summary>A technician's status as the view ranks it: its load plus the units reserved for claims in flight.</summary>
    private TechnicianStatus Effective(TechnicianStatus status)
    {
        var reserved = _reservations.UnitsOn(status.TechnicianId);
        return reserved == 0 ? status : status with { Load = status.Load + reserved };
    }

    private void RefreshViewOf(string technicianId)
    {
        if (_view is not null && _viewIndex!.TryGetValue(technicianId, out var index) && Roster.TryGetValue(technicianId, out var status))
        {
            _view[index] = Effective(status);
        }
    }

    /// <summary>A status the technician pushed (or answered on activation) counts what it accepted so far, so it ends
    /// the reservations made on an older status. A claim still in flight then shows only as a refusal if the
    /// technician is full, never as a wrong assignment.</summary>
    private void Supersede(TechnicianStatus status)
    {
        if (_reservations.Count > 0 && _reservations.Supersede(status.TechnicianId, status.Sequence))
        {
            RefreshViewOf(status.TechnicianId);
            CapacityFreed();
        }
    }

    private void ObserveIfRostered(TechnicianStatus status)
    {
        if (Roster.ContainsKey(status.TechnicianId))
        {
            Observe(status, out _);
        }
    }

    private TechnicianStatus[] View()
    {
        if (_view is null)
        {
            _view = [.. Roster.Values.OrderBy(t => t.TechnicianId, StringComparer.Ordinal).Select(Effective)];
            _viewIndex = new Dictionary<string, int>(_view.Length, StringComparer.Ordinal);
            for (var i = 0; i < _view.Length; i++)
            {
                _viewIndex[_view[i].TechnicianId] = i;
            }
        }
        return _view;
    }

    /// <summary>Ranks the view and offers the case to the chosen technician, then the next on refusal (bounded).</summary>
    private async Task<Placement> PlaceAsync(RoutingRequest request, AssignmentOffer offer)
    {
        Dictionary<string, string>? refused = null;
        if (_lastOffered.TryGetValue(offer.CaseNumber, out var earlier) && Roster.ContainsKey(earlier))
        {
            var reply = await OfferAsync(earlier, offer);
            if (reply.Accepted)
            {
                return new Placement(earlier, Router.Forced(request, earlier, DecisionKinds.Retry, "offered this case before and holds it"), false);
            }
            refused = new Dictionary<string, string>(StringComparer.Ordinal) { [earlier] = reply.RefusalReason ?? "refused" };
        }
        RoutingDecision? last = null;
        for (var attempt = 0; attempt < MaxOffersPerCase; attempt++)
        {
            var result = Router.Decide(request, View(), _roundRobinCursor, refused);
            last = result.Decision;
            if (result.Chosen is not { } candidate)
            {
                // Nobody eligible on the view alone (no refusals involved): later cases at least as hard are blocked too.
                return new Placement(null, last, refused is null);
            }
            var reply = await OfferAsync(candidate.TechnicianId, offer);
            if (reply.Accepted)
            {
                if (request.Strategy == RoutingStrategy.RoundRobin && last.DecidedBy != DecisionKinds.Affinity)
                {
                    _roundRobinCursor = candidate.TechnicianId;
                }
                return new Placement(candidate.TechnicianId, last, false);
            }
            (refused ??= new Dictionary<string, string>(StringComparer.Ordinal))[candidate.TechnicianId] = reply.RefusalReason ?? "refused";
        }
        var summary = string.Create(CultureInfo.InvariantCulture, $"{MaxOffersPerCase} technicians refused it in a row");
        return new Placement(null, last! with { DecidedBy = DecisionKinds.Queued, ChosenTechnicianId = null, Summary = summary }, false);
    }

    private async Task<AssignmentReply> OfferAsync(string technicianId, AssignmentOffer offer)
    {
        Remember(offer.CaseNumber, technicianId);
        var reply = await Technician(technicianId).TryAssignAsync(offer);
        // A reservation the case held from an earlier decision is settled by this offer's answer.
        if (_reservations.Release(offer.CaseNumber) is { } reservedOn)
        {
            RefreshViewOf(reservedOn);
        }
        // The reply carries the technician's current status: a refusal corrects a stale view at once.
        ObserveIfRostered(reply.Status);
        if (!reply.Accepted)
        {
            _lastOffered.Remove(offer.CaseNumber);
        }
        return reply;
    }

    private void ScheduleDrain(TimeSpan delay)
    {
        // Coalesce: one pending drain at a time, but an immediate request overtakes a pending retry.
        if (_drainPending && (delay > TimeSpan.Zero || !_drainPendingIsRetry))
        {
            return;
        }
        _drainPending = true;
        _drainPendingIsRetry = delay > TimeSpan.Zero;
        _drainTimer ??= this.RegisterGrainTimer(
            DrainAsync,
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        _drainTimer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        _drainPending = false;
        await ReturnPendingAsync();
        await DrainQueueAsync(cancellationToken);
    }

    /// <summary>Serves the queue in order: each case that finds a technician is handed over and leaves the queue.
    /// Returns the cases assigned.</summary>
    private async Task<List<string>> DrainQueueAsync(CancellationToken cancellationToken)
    {
        var assigned = new List<string>();
        if (Queue.Count == 0)
        {
            return assigned;
        }
        var policy = await policies.GetAsync();
        ExpireReservations();
        var blocked = new BlockedRequirements();
        foreach (var entry in Queue.ToArray())
        {
            if (cancellationToken.IsCancellationRequested || !AnyFreeCapacity())
            {
                break;
            }
            var queued = entry.Case;
            var needs = BlockedRequirements.Effective(queued.Required, queued.Optional, queued.RelaxedAt is not null);
            if (blocked.Covers(queued.Weight, needs))
            {
                continue;
            }
            try
            {
                var placed = await PlaceAsync(RequestFor(policy, entry), OfferFor(entry));
                if (placed.TechnicianId is null)
                {
                    if (placed.NoneEligible)
                    {
                        blocked.Add(queued.Weight, needs);
                    }
                    continue;
                }
                await HandOverAsync(entry, placed.TechnicianId, placed.Decision, cancellationToken);
                assigned.Add(queued.CaseNumber);
            }
            catch (Exception exception)
            {
                // Unknown outcome: the entry stays queued, and the offer hint sends the retry to the same technician.
                logger.DrainFailed(exception, Key, queued.CaseNumber);
                ScheduleDrain(RetryDelay);
                break;
            }
        }
        return assigned;
    }

    /// <summary>Tells the case who took it; a case that no longer wants it releases the technician. Either way the
    /// entry leaves the queue.</summary>
    private async Task HandOverAsync(QueueEntry entry, string technicianId, RoutingDecision decision, CancellationToken cancellationToken)
    {
        var number = entry.Case.CaseNumber;
        var assignment = new DepartmentAssignment(technicianId, decision.Summary) { Decision = decision, From = Key };
        if (await Case(number).OnAssignedAsync(assignment))
        {
            logger.QueuedCaseAssigned(number, Key, technicianId, decision.Summary);
        }
        else
        {
            ObserveIfRostered(await Technician(technicianId).ReleaseAsync(number));
            logger.QueuedCaseDeclined(number, technicianId);
        }
        _lastOffered.Remove(number);
        Queue.Remove(entry);
        await state.WriteOrResetAsync(this, cancellationToken);
    }

    /// <summary>Asks each case a technician dropped to come back (it answers with its ticket), then queues it.</summary>
    private async Task ReturnPendingAsync()
    {
        if (PendingReturns.Count == 0)
        {
            return;
        }
        var changed = false;
        var failed = false;
        var now = time.GetUtcNow();
        foreach (var pending in PendingReturns.ToArray())
        {
            CaseTicket? ticket;
            try
            {
                ticket = await Case(pending.CaseNumber).OnReturnedAsync(new CaseReturn(pending.TechnicianId, OffShiftReason, Key));
            }
            catch (Exception exception)
            {
                logger.ReturnFailed(exception, Key, pending.CaseNumber);
                failed = true;
                continue;
            }
            PendingReturns.Remove(pending);
            changed = true;
            if (ticket is not null && PositionOf(ticket.CaseNumber) == 0)
            {
                Enqueue(EntryFor(ticket, now));
                logger.CaseReturned(ticket.CaseNumber, Key, pending.TechnicianId);
            }
        }
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
        if (failed || Queue.Count > 0)
        {
            await EnsureReviewAsync();
        }
    }

    private async Task<QueueReview> ReviewAsync()
    {
        await ReturnPendingAsync();
        var policy = await policies.GetAsync();
        var now = time.GetUtcNow();
        var relaxed = await RelaxAsync(policy, now);
        var overflowed = await OverflowAsync(policy, now);
        var assigned = await DrainQueueAsync(CancellationToken.None);
        if (Queue.Count == 0 && PendingReturns.Count == 0)
        {
            await StopReviewAsync();
        }
        return new QueueReview([.. relaxed], [.. overflowed], [.. assigned], Queue.Count);
    }

    /// <summary>Drops the optional skills of cases queued longer than the policy's delay and tells each case
    /// (one-way) so its history records it.</summary>
    private async Task<List<string>> RelaxAsync(RoutingPolicy policy, DateTimeOffset now)
    {
        var relaxed = new List<(string Number, string Dropped, TimeSpan Waited)>();
        for (var i = 0; i < Queue.Count; i++)
        {
            var queued = Queue[i].Case;
            var waited = now - queued.EnqueuedAt;
            if (queued.RelaxedAt is null && !queued.Optional.IsDefaultOrEmpty && waited >= policy.RelaxationDelay)
            {
                relaxed.Add((queued.CaseNumber, string.Join(", ", queued.Optional), waited));
                Queue[i] = Queue[i] with { Case = queued with { RelaxedAt = now, Optional = [] } };
            }
        }
        if (relaxed.Count == 0)
        {
            return [];
        }
        await state.WriteOrResetAsync(this);
        logger.QueueRelaxed(Key, relaxed.Count, policy.RelaxationDelay);
        foreach (var (number, dropped, waited) in relaxed)
        {
            await Case(number).OnRelaxedAsync(new QueueRelaxation(Key, dropped, waited));
        }
        return [.. relaxed.Select(r => r.Number)];
    }

    /// <summary>Offers waiting cases in queue order first to the sibling shards of this department-region (always:
    /// a shard is only a split of the same department), then, past the threshold (queue length or oldest wait), to
    /// the shards of the neighbour regions' same department; only targets with free capacity and an empty queue.
    /// Each target places a case at once or refuses it; a case placed leaves this queue.</summary>
    private async Task<List<string>> OverflowAsync(RoutingPolicy policy, DateTimeOffset now)
    {
        var moved = new List<string>();
        if (Queue.Count == 0)
        {
            return moved;
        }
        var attempts = 0;
        foreach (var sibling in shards.AllOf(_department, _region))
        {
            if (sibling != Key)
            {
                attempts = await OfferOverflowAsync(sibling, attempts, moved);
            }
        }
        var neighbours = RoutingPolicies.NeighboursOf(policy, _region);
        if (neighbours.IsEmpty || Queue.Count == 0)
        {
            return moved;
        }
        var oldest = Queue.Min(e => e.Case.EnqueuedAt);
        if (Queue.Count < policy.Overflow.QueueLength && now - oldest < policy.Overflow.OldestWait)
        {
            return moved;
        }
        foreach (var neighbour in neighbours)
        {
            foreach (var shard in shards.AllOf(_department, neighbour))
            {
                attempts = await OfferOverflowAsync(shard, attempts, moved);
            }
        }
        return moved;
    }

    /// <summary>Offers waiting cases to the department <paramref name="targetKey"/> while its probed capacity
    /// lasts; returns the number of offers made so far in this review.</summary>
    private async Task<int> OfferOverflowAsync(string targetKey, int attempts, List<string> moved)
    {
        if (Queue.Count == 0 || attempts >= MaxOverflowPerReview)
        {
            return attempts;
        }
        var target = GrainFactory.GetGrain<IDepartmentGrain>(targetKey);
        try
        {
            var capacity = await target.GetCapacityAsync();
            if (capacity.Queued > 0 || capacity.FreeUnits == 0)
            {
                return attempts;
            }
            var free = capacity.FreeUnits;
            foreach (var entry in Queue.ToArray())
            {
                if (free <= 0 || attempts >= MaxOverflowPerReview)
                {
                    break;
                }
                if (entry.Case.Weight > Math.Min(free, capacity.LargestFree))
                {
                    continue;
                }
                attempts++;
                var outcome = await target.AcceptOverflowAsync(TicketOf(entry), _region);
                if (outcome.Decision is null && !outcome.Assigned)
                {
                    break; // refused without deciding: the target has a queue of its own now
                }
                if (!outcome.Assigned)
                {
                    continue;
                }
                free -= entry.Case.Weight;
                _lastOffered.Remove(entry.Case.CaseNumber);
                Queue.Remove(entry);
                await state.WriteOrResetAsync(this);
                moved.Add(entry.Case.CaseNumber);
                logger.CaseOverflowed(entry.Case.CaseNumber, Key, targetKey, outcome.Reason);
            }
        }
        catch (Exception exception)
        {
            // Unknown outcome (e.g. a timeout): the entry stays. If the target did place it, the case accepted
            // that technician, and a later drain here is refused by the case and releases its own offer.
            logger.OverflowFailed(exception, Key, targetKey);
        }
        return attempts;
    }

    private async Task EnsureReviewAsync()
    {
        _reviewTimer ??= this.RegisterGrainTimer(ReviewTickAsync, new GrainTimerCreationOptions(ReviewInterval, ReviewInterval));
        if (_reminderRegistered)
        {
            return;
        }
        try
        {
            // The reminder wakes a deactivated department whose cases still wait (the timer lives in memory only).
            await this.RegisterOrUpdateReminder(ReviewReminder, ReminderPeriod, ReminderPeriod);
            _reminderRegistered = true;
        }
        catch (Exception exception)
        {
            logger.ReminderFailed(exception, Key);
        }
    }

    private async Task StopReviewAsync()
    {
        _reviewTimer?.Dispose();
        _reviewTimer = null;
        if (await this.GetReminder(ReviewReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderRegistered = false;
    }

    private async Task ReviewTickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReviewAsync();
        }
        catch (Exception exception)
        {
            logger.ReviewFailed(exception, Key);
        }
    }

    private async Task RefreshRosterAsync()
    {
        if (Roster.Count == 0)
        {
            return;
        }
        var fetched = await Task.WhenAll(Roster.Keys.ToArray().Select(FetchStatusAsync));
        var removed = false;
        foreach (var (id, status, answered) in fetched)
        {
            if (!answered)
            {
                continue;
            }
            if (status is null || !IsHomedHere(id))
            {
                removed |= Roster.Remove(id);
                logger.RosterLeft(id, Key);
                continue;
            }
            // The technician's own answer wins even over a higher sequence: its state is the truth.
            Roster[id] = status;
        }
        _view = null;
        if (removed)
        {
            await state.WriteOrResetAsync(this);
        }
    }

    private async Task<(string Id, TechnicianStatus? Status, bool Answered)> FetchStatusAsync(string technicianId)
    {
        try
        {
            return (technicianId, await Technician(technicianId).GetStatusAsync(), true);
        }
        catch (Exception exception)
        {
            logger.RefreshFailed(exception, Key, technicianId);
            return (technicianId, null, false);
        }
    }

    private bool AnyFreeCapacity()
    {
        foreach (var technician in Roster.Values)
        {
            if (technician.Available && technician.Free > 0)
            {
                return true;
            }
        }
        return false;
    }

    private int Enqueue(QueueEntry entry)
    {
        var index = Queue.FindIndex(e => QueueOrder.Instance.Compare(entry.Case, e.Case) < 0);
        if (index < 0)
        {
            index = Queue.Count;
        }
        Queue.Insert(index, entry);
        return index + 1;
    }

    private int PositionOf(string caseNumber) => Queue.FindIndex(e => e.Case.CaseNumber == caseNumber) + 1;

    private void Remember(string caseNumber, string technicianId)
    {
        if (_lastOffered.TryAdd(caseNumber, technicianId))
        {
            _offerOrder.Enqueue(caseNumber);
            if (_offerOrder.Count > MaxRememberedOffers)
            {
                _lastOffered.Remove(_offerOrder.Dequeue());
            }
        }
        else
        {
            _lastOffered[caseNumber] = technicianId;
        }
    }

    private RoutingRequest RequestFor(
        RoutingPolicy policy, int weight, ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional,
        bool relaxed, ImmutableArray<string> matchedRuleIds, string? preferred) =>
        new(_department, _region, RoutingPolicies.StrategyFor(policy, _department, _region), weight,
            required.IsDefault ? [] : required, optional.IsDefault ? [] : optional, relaxed,
            matchedRuleIds.IsDefault ? [] : matchedRuleIds, preferred, time.GetUtcNow());

    private RoutingRequest RequestFor(RoutingPolicy policy, QueueEntry entry) =>
        RequestFor(policy, entry.Case.Weight, entry.Case.Required, entry.Case.Optional, entry.Case.RelaxedAt is not null,
            entry.MatchedRuleIds, entry.PreferredTechnicianId);

    private static QueueEntry EntryFor(CaseTicket ticket, DateTimeOffset now)
    {
        var queued = new QueuedCase(ticket.CaseNumber, ticket.Priority, ticket.Type, ticket.Weight, ticket.CreatedAt, now)
        {
            Required = ticket.Required.IsDefault ? [] : ticket.Required,
            Optional = ticket.Relaxed || ticket.Optional.IsDefault ? [] : ticket.Optional,
            RelaxedAt = ticket.Relaxed ? now : null,
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
        };

    private static AssignmentOffer OfferFor(QueueEntry entry) =>
        OfferFor(entry.Case.CaseNumber, entry.Case.Type, entry.Case.Priority, entry.Case.Weight, entry.CustomerId, entry.Case.Required);

    private static AssignmentOffer OfferFor(
        string caseNumber, CaseType type, CasePriority priority, int weight, string customerId, ImmutableArray<SkillRequirement> required) =>
        new(caseNumber, type, priority, weight, customerId) { Required = required.IsDefault ? [] : required };

    private ITechnicianGrain Technician(string technicianId) => GrainFactory.GetGrain<ITechnicianGrain>(technicianId);

    private ICaseGrain Case(string caseNumber) => GrainFactory.GetGrain<ICaseGrain>(caseNumber);

    /// <summary>Where a case went: the technician (null: not placed), the decision, and whether nobody was
    /// eligible on the view alone (then later cases at least as hard cannot be placed either).</summary>
    private sealed record Placement(string? TechnicianId, RoutingDecision Decision, bool NoneEligible);
}
