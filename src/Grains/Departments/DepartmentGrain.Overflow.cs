using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;

namespace AfterSales.Departments;

/// <summary>Sibling shards and neighbour regions: overflow both ways, help for a sibling with room, the skills they
/// report for the unroutable check, and handing cases to their new home shard when the shard count changed.</summary>
internal sealed partial class DepartmentGrain
{
    /// <summary>How many cases one review offers to neighbour regions at most.</summary>
    internal const int MaxOverflowPerReview = 50;

    /// <summary>How many cases one hand-over message carries at most.</summary>
    private const int MaxHandoverBatch = 500;

    /// <summary>How long a burst of freed capacity gathers before the siblings are asked for work once.</summary>
    private static readonly TimeSpan SiblingAskDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a read of another grain may hold this department's turn.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly HashSet<string> _siblingsWithRoom = new(StringComparer.Ordinal);
    private IGrainTimer? _askTimer;
    private bool _askPending;
    private SkillProfiles? _elsewhere;

    public async Task<RoutingOutcome> AcceptOverflowAsync(CaseTicket ticket, string fromRegion)
    {
        if (_queue.Count > 0)
        {
            return new RoutingOutcome(null, 0, $"{Key} has cases waiting itself");
        }
        // A case waits in its home shard, in a neighbour region or in a sibling shard of this region alike.
        var origin = shards.HomeOf(_department, fromRegion, ticket.CaseNumber);
        var policy = await policies.GetAsync();
        var placed = await PlaceAsync(RequestFor(policy, ticket), OfferFor(ticket));
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
        _offers.Forget(ticket.CaseNumber);
        if (!accepted)
        {
            _roster.ObserveIfPresent(await Technician(technicianId).ReleaseAsync(ticket.CaseNumber));
            logger.QueuedCaseDeclined(ticket.CaseNumber, technicianId);
            return new RoutingOutcome(null, 0, "the case no longer waits for a technician");
        }
        logger.CaseAssigned(ticket.CaseNumber, technicianId, Key, decision.Summary);
        return new RoutingOutcome(technicianId, 0, decision.Summary) { Decision = decision };
    }

    public Task SiblingHasRoomAsync(string siblingKey)
    {
        if (_queue.Count > 0 && siblingKey != Key)
        {
            _siblingsWithRoom.Add(siblingKey);
            ScheduleDrain(TimeSpan.Zero);
        }
        return Task.CompletedTask;
    }

    public async Task AdoptQueuedAsync(string fromKey, ImmutableArray<QueueHandover> cases)
    {
        var taken = new List<string>();
        var added = false;
        foreach (var handover in cases.IsDefault ? [] : cases)
        {
            var number = handover.Ticket.CaseNumber;
            if (!IsCaseHomedHere(number))
            {
                continue;
            }
            if (!_queue.Contains(number))
            {
                var entry = EntryFor(handover.Ticket, handover.EnqueuedAt, handover.RelaxedAt);
                Enqueue(entry with { Case = entry.Case with { Waiting = handover.Waiting } });
                added = true;
            }
            taken.Add(number);
        }
        if (added)
        {
            await state.WriteOrResetAsync(this);
            logger.QueueAdopted(Key, taken.Count, fromKey);
            _reasonsStale = true;
            ScheduleDrain(TimeSpan.Zero);
            await KeepMaintainedAsync();
        }
        if (taken.Count > 0)
        {
            await Department(fromKey).HandedOverAsync([.. taken]);
        }
    }

    public async Task HandedOverAsync(ImmutableArray<string> caseNumbers)
    {
        var removed = false;
        foreach (var number in caseNumbers.IsDefault ? [] : caseNumbers)
        {
            if (!IsCaseHomedHere(number))
            {
                removed |= Dequeue(number);
            }
        }
        if (removed)
        {
            await state.WriteOrResetAsync(this);
        }
    }

    /// <summary>Offers waiting cases in queue order first to the sibling shards of this department-region (always:
    /// a shard is only a split of the same department), then, past the threshold (queue length or oldest wait), to
    /// the shards of the neighbour regions' same department; only targets with free capacity and an empty queue.
    /// Each target places a case at once or refuses it; a case placed leaves this queue.</summary>
    private async Task<List<string>> OverflowAsync(RoutingPolicy policy, DateTimeOffset now)
    {
        var moved = new List<string>();
        if (_queue.Count == 0)
        {
            return moved;
        }
        var attempts = 0;
        foreach (var sibling in Siblings())
        {
            attempts = await OfferOverflowAsync(sibling, attempts, moved);
        }
        var neighbours = RoutingPolicies.NeighboursOf(policy, _region);
        if (neighbours.IsEmpty || _queue.Count == 0)
        {
            return moved;
        }
        var oldest = _queue.Oldest!.EnqueuedAt;
        // Below the threshold only cases predicted to breach are offered (see DepartmentGrain.Risk).
        var atRiskOnly = _queue.Count < policy.Overflow.QueueLength && now - oldest < policy.Overflow.OldestWait;
        if (atRiskOnly && !S.Queue.Values.Any(e => e.Case.AtRisk is not null))
        {
            return moved;
        }
        foreach (var neighbour in neighbours)
        {
            foreach (var shard in shards.AllOf(_department, neighbour))
            {
                attempts = await OfferOverflowAsync(shard, attempts, moved, atRiskOnly);
            }
        }
        return moved;
    }

    /// <summary>Offers waiting cases to the department <paramref name="targetKey"/> while its probed capacity
    /// lasts; returns the number of offers made so far in this review.</summary>
    private async Task<int> OfferOverflowAsync(string targetKey, int attempts, List<string> moved, bool atRiskOnly = false)
    {
        if (_queue.Count == 0 || attempts >= MaxOverflowPerReview)
        {
            return attempts;
        }
        var target = Department(targetKey);
        try
        {
            var capacity = await target.GetCapacityAsync();
            if (capacity.Queued > 0 || capacity.FreeUnits == 0)
            {
                return attempts;
            }
            var free = capacity.FreeUnits;
            // The heaviest case any technician there could take (unbounded for one holding nothing).
            foreach (var entry in Walk(e => e.Case.Weight > capacity.LargestFree || !IsCaseHomedHere(e.Case.CaseNumber)
                || (atRiskOnly && e.Case.AtRisk is null)))
            {
                if (free <= 0 || attempts >= MaxOverflowPerReview)
                {
                    break;
                }
                if (!_queue.Contains(entry.Case.CaseNumber))
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
                _offers.Forget(entry.Case.CaseNumber);
                Dequeue(entry.Case.CaseNumber);
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

    /// <summary>Offers waiting cases to the siblings that said they have room (the drain's turn).</summary>
    private async Task HelpSiblingsAsync()
    {
        if (_siblingsWithRoom.Count == 0)
        {
            return;
        }
        var siblings = _siblingsWithRoom.ToArray();
        _siblingsWithRoom.Clear();
        var moved = new List<string>();
        var attempts = 0;
        foreach (var sibling in siblings)
        {
            attempts = await OfferOverflowAsync(sibling, attempts, moved);
        }
    }

    /// <summary>Capacity came free and nothing waits here: tells the sibling shards once per burst, so one with a
    /// waiting case offers it now rather than at its next review.</summary>
    private void AskSiblingsForWork()
    {
        if (shards.CountOf(_department, _region) < 2)
        {
            return;
        }
        _askTimer ??= this.RegisterGrainTimer(
            AskSiblingsAsync,
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        _askTimer.Change(SiblingAskDelay, Timeout.InfiniteTimeSpan);
        _askPending = true;
    }

    private async Task AskSiblingsAsync(CancellationToken cancellationToken)
    {
        _askPending = false;
        if (_queue.Count > 0 || !_roster.AnyRoom())
        {
            return;
        }
        foreach (var sibling in Siblings())
        {
            await Department(sibling).SiblingHasRoomAsync(Key);
        }
    }

    /// <summary>Hands the entries whose home is another shard now (the shard count changed) to that shard; they stay
    /// here, unserved, until it acknowledges them.</summary>
    private async Task HandOverForeignAsync()
    {
        // Every entry homed here is in a waiting group: when they are all, there is nothing to hand over.
        if (_queue.Count == _waiting.Count)
        {
            return;
        }
        var foreign = _queue.Ordered()
            .Where(entry => !IsCaseHomedHere(entry.Case.CaseNumber))
            .Select(entry => (Entry: entry, Home: shards.HomeOf(_department, _region, entry.Case.CaseNumber)))
            .ToArray()
            .GroupBy(x => x.Home, StringComparer.Ordinal);
        foreach (var group in foreign)
        {
            foreach (var batch in group.Chunk(MaxHandoverBatch))
            {
                var handovers = batch.Select(x => new QueueHandover(TicketOf(x.Entry), x.Entry.Case.EnqueuedAt)
                {
                    RelaxedAt = x.Entry.Case.RelaxedAt,
                    Waiting = x.Entry.Case.Waiting,
                }).ToImmutableArray();
                logger.QueueHandedOver(Key, handovers.Length, group.Key);
                // One-way: the answer is the target's HandedOver; until then the entries stay and go again next time.
                await Department(group.Key).AdoptQueuedAsync(Key, handovers);
            }
        }
    }

    /// <summary>Reads the skills of the sibling shards and the neighbour regions' departments, once per review and only
    /// when a waiting case needs skills nobody on this roster has. A failed read leaves them unknown.</summary>
    private async Task RefreshElsewhereAsync(RoutingPolicy policy)
    {
        var targets = Elsewhere(policy).ToArray();
        if (targets.Length == 0)
        {
            _elsewhere = SkillProfiles.Empty;
            return;
        }
        var own = SkillProfiles.Of(_roster.Statuses.Select(t => t.Skills));
        if (_waiting.Representatives.All(c => own.AnyMeets(c.Required)))
        {
            return;
        }
        try
        {
            var skills = await Task.WhenAll(targets.Select(key => Department(key).GetSkillsAsync().WaitAsync(ReadTimeout)));
            _elsewhere = SkillProfiles.Of(skills.SelectMany(s => s.Profiles.IsDefault ? [] : s.Profiles));
        }
        catch (Exception exception)
        {
            logger.SkillsReadFailed(exception, Key);
            _elsewhere = null;
        }
    }

    /// <summary>The skills of everyone else a case here can reach: known, empty when there is nobody else, or null
    /// when not read yet.</summary>
    private SkillProfiles? ElsewhereProfiles(RoutingPolicy policy) => Elsewhere(policy).Any() ? _elsewhere : SkillProfiles.Empty;

    private IEnumerable<string> Elsewhere(RoutingPolicy policy) =>
        Siblings().Concat(RoutingPolicies.NeighboursOf(policy, _region).SelectMany(neighbour => shards.AllOf(_department, neighbour)));

    private IEnumerable<string> Siblings() => shards.AllOf(_department, _region).Where(key => key != Key);
}
