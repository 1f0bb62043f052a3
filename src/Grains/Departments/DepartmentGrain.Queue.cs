using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Sla.Scheduling;
using AfterSales.Technicians;
using Microsoft.Extensions.Logging;

namespace AfterSales.Departments;

/// <summary>The queue: joining it, leaving it, returns from technicians going off shift, and the drain.</summary>
internal sealed partial class DepartmentGrain
{
    /// <summary>How many cases one drain turn hands over at most: each costs a technician's, a case's and this
    /// department's write, and a turn that serves thousands (technicians coming on shift to a long queue) would hold back
    /// every push, decision and review meanwhile.</summary>
    internal const int MaxHandOversPerTurn = 16;

    /// <summary>How many queue entries a walk reads at a time.</summary>
    private const int WalkBatch = 32;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private const string OffShiftReason = "technician went off shift";

    private IGrainTimer? _drainTimer;
    private bool _drainPending;
    private bool _drainPendingIsRetry;

    public async Task WithdrawAsync(string caseNumber)
    {
        var removed = Dequeue(caseNumber);
        await ReleaseUnconfirmedOfferAsync(caseNumber);
        if (removed)
        {
            await state.WriteOrResetAsync(this);
            logger.CaseWithdrawn(caseNumber, Key);
        }
    }

    public async Task EnsureQueuedAsync(CaseTicket ticket)
    {
        if (_queue.Contains(ticket.CaseNumber) || !IsCaseHomedHere(ticket.CaseNumber))
        {
            return;
        }
        // A case that is not really waiting any more is dropped again by the queue's reconciliation.
        var policy = await policies.GetAsync();
        await QueueAsync(EntryFor(ticket, time.GetUtcNow()), policy, null);
        _reasonsStale = true;
        ScheduleDrain(TimeSpan.Zero);
    }

    public async Task ReprioritizeAsync(string caseNumber, CasePriority priority)
    {
        if (!S.Queue.TryGetValue(caseNumber, out var entry) || entry.Case.Priority == priority)
        {
            return;
        }
        Update(entry with { Case = entry.Case with { Priority = priority } });
        await state.WriteOrResetAsync(this);
        logger.CaseReprioritized(caseNumber, Key, priority);
        _reasonsStale = true;
        ScheduleDrain(TimeSpan.Zero);
    }

    public async Task CasesReturnedAsync(TechnicianStatus status, ImmutableArray<string> caseNumbers)
    {
        if (IsForeign(status))
        {
            return;
        }
        // A technician returns each case to the case's home shard, which may not be the technician's own.
        if (IsHomedHere(status.TechnicianId) && _roster.Observe(status, out _))
        {
            Supersede(status);
            _reasonsStale = true;
        }
        if (AddPendingReturns(status.TechnicianId, caseNumbers))
        {
            await state.WriteOrResetAsync(this);
        }
        await ReturnPendingAsync();
        if (_queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    /// <summary>Records cases to hand back to the queue (not yet written); true when any was new.</summary>
    private bool AddPendingReturns(string technicianId, ImmutableArray<string> caseNumbers)
    {
        var added = false;
        foreach (var number in caseNumbers.IsDefault ? [] : caseNumbers)
        {
            if (!S.PendingReturns.ContainsKey(number))
            {
                S.PendingReturns.Set(number, new PendingReturn(number, technicianId));
                added = true;
            }
        }
        return added;
    }

    /// <summary>Queues a case (written before the answer) and keeps the review running; returns its position.</summary>
    private async Task<int> QueueAsync(QueueEntry entry, RoutingPolicy policy, RoutingDecision? decision)
    {
        var position = Enqueue(entry);
        await state.WriteOrResetAsync(this);
        logger.CaseQueued(entry.Case.CaseNumber, position, Key, decision?.Summary ?? "queued again");
        await KeepMaintainedAsync();
        if (_queue.Count >= policy.Overflow.QueueLength && !RoutingPolicies.NeighboursOf(policy, _region).IsEmpty)
        {
            ReviewSoon();
        }
        return position;
    }

    /// <summary>Adds an entry to the rows and the order (not yet written); returns its position.</summary>
    private int Enqueue(QueueEntry entry)
    {
        S.Queue.Set(entry.Case.CaseNumber, entry);
        ScheduleRiskCheck();
        return Index(entry);
    }

    /// <summary>Replaces an entry that is queued (relaxed, told a new reason); not yet written.</summary>
    private void Update(QueueEntry entry) => Enqueue(entry);

    /// <summary>Puts an entry in the in-memory order and, when its home is here, in its waiting group.</summary>
    private int Index(QueueEntry entry)
    {
        if (IsCaseHomedHere(entry.Case.CaseNumber))
        {
            _waiting.Track(entry.Case);
        }
        var position = _queue.Put(entry);
        _queueLength?.Set(_queue.Count);
        return position;
    }

    /// <summary>Removes an entry from the rows and the order (not yet written); false when it was not queued.</summary>
    private bool Dequeue(string caseNumber)
    {
        _waiting.Untrack(caseNumber);
        ScheduleRiskCheck();
        var removed = S.Queue.Remove(caseNumber) | _queue.Remove(caseNumber);
        _queueLength?.Set(_queue.Count);
        return removed;
    }

    /// <summary>The queue in order, read in snapshots of <see cref="WalkBatch"/> entries, so that the queue may change
    /// while each entry is served (a served entry may be gone: check before using it). Costs what is walked, not the
    /// whole queue; entries <paramref name="skip"/> rejects are passed over.</summary>
    private IEnumerable<QueueEntry> Walk(Func<QueueEntry, bool>? skip = null)
    {
        QueuedCase? last = null;
        while (true)
        {
            var batch = _queue.Next(last, WalkBatch, skip);
            foreach (var entry in batch)
            {
                last = entry.Case;
                yield return entry;
            }
            if (batch.Count < WalkBatch)
            {
                yield break;
            }
        }
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
        var started = time.GetTimestamp();
        await ReturnPendingAsync();
        var returned = time.GetTimestamp();
        var assigned = await DrainQueueAsync(MaxHandOversPerTurn, cancellationToken);
        await HelpSiblingsAsync();
        var drained = time.GetTimestamp();
        if (_reasonsStale)
        {
            await JudgeWaitingAsync(await policies.GetAsync(), fetchElsewhere: false);
        }
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.DrainTurn(Key, Ms(started), Ms(started, returned), Ms(returned, drained), Ms(drained), assigned.Count, _queue.Count);
        }
    }

    /// <summary>Serves the queue in order: each case that finds a technician is handed over and leaves the queue, at
    /// most <paramref name="budget"/> in this turn (a drain is scheduled for the rest). Returns the cases assigned.</summary>
    private async Task<List<string>> DrainQueueAsync(int budget, CancellationToken cancellationToken)
    {
        var assigned = new List<string>();
        if (_queue.Count == 0)
        {
            return assigned;
        }
        var policy = await policies.GetAsync();
        ExpireReservations();
        if (!_roster.AnyRoom())
        {
            // Nobody can take anything (every case that joins a non-empty queue asks for a drain).
            return assigned;
        }
        var blocked = new BlockedRequirements();
        foreach (var entry in Walk())
        {
            if (cancellationToken.IsCancellationRequested || !_roster.AnyRoom())
            {
                break;
            }
            if (assigned.Count == budget)
            {
                // Served enough for one turn: what waits for this department (a push, a case) goes first.
                ScheduleDrain(TimeSpan.Zero);
                break;
            }
            var queued = entry.Case;
            var needs = BlockedRequirements.Effective(queued.Required, queued.Optional, queued.RelaxedAt is not null);
            if (!_queue.Contains(queued.CaseNumber) || !IsCaseHomedHere(queued.CaseNumber) || blocked.Covers(queued.Weight, needs))
            {
                continue;
            }
            try
            {
                var placed = await PlaceAsync(RequestFor(policy, entry), OfferFor(TicketOf(entry)));
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
            _roster.ObserveIfPresent(await Technician(technicianId).ReleaseAsync(number));
            logger.QueuedCaseDeclined(number, technicianId);
        }
        _offers.Forget(number);
        Dequeue(number);
        await state.WriteOrResetAsync(this, cancellationToken);
    }

    /// <summary>Asks each case a technician dropped to come back (it answers with its ticket), then queues it. A case
    /// whose home is another shard now (the shard count changed) is asked on its home's behalf and handed over.</summary>
    private async Task ReturnPendingAsync()
    {
        if (S.PendingReturns.Count == 0)
        {
            return;
        }
        var changed = false;
        var failed = false;
        var now = time.GetUtcNow();
        foreach (var pending in S.PendingReturns.Values.ToArray())
        {
            CaseTicket? ticket;
            try
            {
                var home = shards.HomeOf(_department, _region, pending.CaseNumber);
                ticket = await Case(pending.CaseNumber).OnReturnedAsync(new CaseReturn(pending.TechnicianId, OffShiftReason, home));
            }
            catch (Exception exception)
            {
                logger.ReturnFailed(exception, Key, pending.CaseNumber);
                failed = true;
                continue;
            }
            S.PendingReturns.Remove(pending.CaseNumber);
            changed = true;
            if (ticket is not null && !_queue.Contains(ticket.CaseNumber))
            {
                Enqueue(EntryFor(ticket, now));
                _reasonsStale = true;
                logger.CaseReturned(ticket.CaseNumber, Key, pending.TechnicianId);
            }
        }
        if (changed)
        {
            await state.WriteOrResetAsync(this);
            await HandOverForeignAsync();
        }
        if (failed || _queue.Count > 0)
        {
            await KeepMaintainedAsync();
        }
    }
}
