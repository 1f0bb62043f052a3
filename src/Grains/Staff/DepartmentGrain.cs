using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using Microsoft.Extensions.Logging;

namespace AfterSales.Staff;

/// <summary>
/// A department in one region: keeps a routing view of its roster from the technicians' pushes, assigns
/// submitted cases to the least-loaded on-shift technician or queues them, and drains the queue when
/// capacity frees.
/// </summary>
/// <remarks>
/// Call graph (keeps it deadlock-free without reentrancy): this grain awaits technicians (TryAssign, Release,
/// GetStatus) and queued cases (OnAssigned); technicians only tell it things one-way; a case awaits it only
/// while the case is not queued here. The drain runs from a non-interleaving grain timer, so it starts in a
/// turn of its own after the push that triggered it has returned.
/// </remarks>
internal sealed class DepartmentGrain(
    [PersistentState("department", StorageNames.Main)] IPersistentState<DepartmentState> state,
    TimeProvider time,
    ILogger<DepartmentGrain> logger) : Grain, IDepartmentGrain
{
    /// <summary>How many technicians may refuse one case in a row before it is queued instead.</summary>
    internal const int MaxOffersPerCase = 5;

    /// <summary>How many "last technician offered this case" hints are kept in memory.</summary>
    private const int MaxRememberedOffers = 1024;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    // A retried submit (its reply was lost) must reach the technician that may already hold the case, which
    // then accepts idempotently; without this hint the selector could pick a second technician.
    private readonly Dictionary<string, string> _lastOffered = new(StringComparer.Ordinal);
    private readonly Queue<string> _offerOrder = new();

    private Department _department;
    private string _region = "";
    private IGrainTimer? _drainTimer;
    private bool _drainPending;
    private bool _drainPendingIsRetry;

    private string Key => this.GetPrimaryKeyString();

    private Dictionary<string, TechnicianStatus> Roster => state.State.Roster;

    private List<QueueEntry> Queue => state.State.Queue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = Key;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1 || !DepartmentNames.TryParse(key[..slash], out _department))
        {
            throw new InvalidOperationException($"'{key}' is not a department-region key such as maintenance/east.");
        }
        _region = key[(slash + 1)..];

        await RefreshRosterAsync();
        if (Queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    public Task JoinAsync(TechnicianStatus status) => AcceptStatusAsync(status);

    public Task TechnicianUpdatedAsync(TechnicianStatus status) => AcceptStatusAsync(status);

    public async Task<RoutingOutcome> SubmitAsync(CaseTicket ticket)
    {
        var position = PositionOf(ticket.CaseNumber);
        if (position > 0)
        {
            return new RoutingOutcome(null, position, $"already queued at position {position}");
        }

        string reason;
        if (Queue.Count > 0)
        {
            // Cases already waiting come first: the new one joins the queue and the drain serves all in order.
            reason = $"{Queue.Count} case{(Queue.Count == 1 ? " is" : "s are")} already waiting";
            ScheduleDrain(TimeSpan.Zero);
        }
        else
        {
            var (technicianId, why) = await PlaceAsync(OfferFor(ticket.CaseNumber, ticket.Type, ticket.Priority, ticket.Weight, ticket.CustomerId));
            if (technicianId is not null)
            {
                logger.CaseAssigned(ticket.CaseNumber, technicianId, Key, why);
                return new RoutingOutcome(technicianId, 0, why);
            }
            reason = why;
        }

        var entry = new QueuedCase(ticket.CaseNumber, ticket.Priority, ticket.Type, ticket.Weight, ticket.CreatedAt, time.GetUtcNow());
        position = Enqueue(new QueueEntry(entry, ticket.CustomerId));
        await state.WriteOrResetAsync(this);
        logger.CaseQueued(ticket.CaseNumber, position, Key, reason);
        return new RoutingOutcome(null, position, reason);
    }

    public async Task WithdrawAsync(string caseNumber)
    {
        if (Queue.RemoveAll(e => e.Case.CaseNumber == caseNumber) > 0)
        {
            await state.WriteOrResetAsync(this);
            logger.CaseWithdrawn(caseNumber, Key);
        }
    }

    public Task<DepartmentSnapshot> GetAsync()
    {
        var roster = Roster.Values.OrderBy(t => t.TechnicianId, StringComparer.Ordinal).ToImmutableArray();
        var onShift = roster.Where(t => t.OnShift).ToList();
        var load = new DepartmentLoad(onShift.Count, onShift.Sum(t => t.Capacity), onShift.Sum(t => t.Load), Queue.Count);
        return Task.FromResult(new DepartmentSnapshot(_department, _region, roster, [.. Queue.Select(e => e.Case)], load));
    }

    private async Task AcceptStatusAsync(TechnicianStatus status)
    {
        if (status.Department != _department || !string.Equals(status.Region, _region, StringComparison.Ordinal))
        {
            logger.ForeignStatusIgnored(Key, status.TechnicianId, GrainKeys.DepartmentRegion(status.Department, status.Region));
            return;
        }
        var joined = !Roster.ContainsKey(status.TechnicianId);
        if (!Observe(status, out var previous))
        {
            return;
        }
        if (joined)
        {
            await state.WriteOrResetAsync(this);
            logger.RosterJoined(status.TechnicianId, Key);
        }
        // Only a status that may have freed capacity is worth a drain.
        if (Queue.Count > 0 && status.OnShift && status.Free > 0
            && (previous is null || !previous.OnShift || status.Free > previous.Free))
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    /// <summary>Takes <paramref name="status"/> into the view unless the view already holds a newer one.</summary>
    private bool Observe(TechnicianStatus status, out TechnicianStatus? previous)
    {
        if (Roster.TryGetValue(status.TechnicianId, out previous) && status.Sequence <= previous.Sequence)
        {
            return false;
        }
        Roster[status.TechnicianId] = status;
        return true;
    }

    /// <summary>Offers the case to the best technician in the view, then the next best on refusal (bounded).</summary>
    private async Task<(string? TechnicianId, string Reason)> PlaceAsync(AssignmentOffer offer)
    {
        HashSet<string>? refused = null;
        if (_lastOffered.TryGetValue(offer.CaseNumber, out var earlier) && Roster.ContainsKey(earlier))
        {
            if ((await OfferAsync(earlier, offer)).Accepted)
            {
                return (earlier, $"offered again to {earlier}, which had been offered it before");
            }
            refused = new HashSet<string>(StringComparer.Ordinal) { earlier };
        }
        for (var attempt = 0; attempt < MaxOffersPerCase; attempt++)
        {
            var choice = TechnicianSelector.Select(Roster.Values, offer.Weight, refused);
            if (choice.Technician is not { } candidate)
            {
                return (null, choice.Reason);
            }
            if ((await OfferAsync(candidate.TechnicianId, offer)).Accepted)
            {
                return (candidate.TechnicianId, choice.Reason);
            }
            (refused ??= new HashSet<string>(StringComparer.Ordinal)).Add(candidate.TechnicianId);
        }
        return (null, $"{MaxOffersPerCase} technicians refused it in a row");
    }

    private async Task<AssignmentReply> OfferAsync(string technicianId, AssignmentOffer offer)
    {
        Remember(offer.CaseNumber, technicianId);
        var reply = await Technician(technicianId).TryAssignAsync(offer);
        // The reply carries the technician's current status: a refusal corrects a stale view at once.
        if (Roster.ContainsKey(technicianId))
        {
            Observe(reply.Status, out _);
        }
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

    /// <summary>Serves the queue in order: each case that finds a technician is handed over and leaves the queue.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        _drainPending = false;
        // Once a case of some weight finds nobody, no later case of that weight or more will either.
        var blockedWeight = int.MaxValue;
        foreach (var entry in Queue.ToArray())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            var queued = entry.Case;
            if (queued.Weight >= blockedWeight)
            {
                continue;
            }
            try
            {
                var (technicianId, reason) = await PlaceAsync(OfferFor(queued.CaseNumber, queued.Type, queued.Priority, queued.Weight, entry.CustomerId));
                if (technicianId is null)
                {
                    blockedWeight = queued.Weight;
                    continue;
                }
                if (await GrainFactory.GetGrain<ICaseGrain>(queued.CaseNumber).OnAssignedAsync(new DepartmentAssignment(technicianId, reason)))
                {
                    logger.QueuedCaseAssigned(queued.CaseNumber, Key, technicianId, reason);
                }
                else
                {
                    var status = await Technician(technicianId).ReleaseAsync(queued.CaseNumber);
                    Observe(status, out _);
                    logger.QueuedCaseDeclined(queued.CaseNumber, technicianId);
                }
                _lastOffered.Remove(queued.CaseNumber);
                Queue.Remove(entry);
                await state.WriteOrResetAsync(this, cancellationToken);
            }
            catch (Exception exception)
            {
                // Unknown outcome: the entry stays queued, and the offer hint sends the retry to the same technician.
                logger.DrainFailed(exception, Key, queued.CaseNumber);
                ScheduleDrain(RetryDelay);
                return;
            }
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
            if (status is null)
            {
                removed |= Roster.Remove(id);
                logger.RosterLeft(id, Key);
                continue;
            }
            // The technician's own answer wins even over a higher sequence: its state is the truth.
            Roster[id] = status;
        }
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

    private static AssignmentOffer OfferFor(string caseNumber, CaseType type, CasePriority priority, int weight, string customerId) =>
        new(caseNumber, type, priority, weight, customerId);

    private ITechnicianGrain Technician(string technicianId) => GrainFactory.GetGrain<ITechnicianGrain>(technicianId);
}
