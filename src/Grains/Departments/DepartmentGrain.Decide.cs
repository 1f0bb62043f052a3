using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>Deciding for a case that claims its technician itself, and placing a waiting case by offering it.</summary>
internal sealed partial class DepartmentGrain
{
    public async Task<RoutingOffer> DecideAsync(CaseTicket ticket, ImmutableArray<ClaimRefusal> refusals)
    {
        var number = ticket.CaseNumber;
        var position = _queue.PositionOf(number);
        if (position > 0)
        {
            var queued = _queue.TryGet(number, out var entry) ? Shown(entry.Case, position - 1).Waiting : null;
            return new RoutingOffer(null, position, $"already queued at position {position}") { Waiting = queued };
        }

        // A refusal ends the case's reservation and corrects the view with the technician's own status.
        Dictionary<string, string>? refused = null;
        foreach (var refusal in refusals.IsDefault ? [] : refusals)
        {
            (refused ??= new Dictionary<string, string>(StringComparer.Ordinal))[refusal.TechnicianId] = refusal.Reason;
            if (_roster.ReservedFor(number) == refusal.TechnicianId)
            {
                EndReservation(number);
            }
            _offers.ForgetIf(number, refusal.TechnicianId);
            _roster.ObserveIfPresent(refusal.Status);
        }

        var policy = await policies.GetAsync();
        ExpireReservations();
        var request = RequestFor(policy, ticket);
        RoutingDecision decision;
        if (_queue.Count > 0)
        {
            // Cases already waiting come first: the new one joins the queue and the drain serves all in order.
            var waiting = string.Create(CultureInfo.InvariantCulture, $"{_queue.Count} case{(_queue.Count == 1 ? " is" : "s are")} already waiting");
            ScheduleDrain(TimeSpan.Zero);
            decision = Router.Decide(request, _roster.Ranked(), S.RoundRobinCursor).Decision
                with { DecidedBy = DecisionKinds.Queued, ChosenTechnicianId = null, Summary = waiting };
        }
        else
        {
            // An earlier offer for this case (its claim's answer may have been lost) goes to the same technician,
            // which accepts idempotently if it took the case; without this the router could pick a second one.
            var step = Dispatch.Next(request, _roster.Ranked(), S.RoundRobinCursor, refused, EarlierOffer(number), "offered this case before and may hold it");
            if (step.TechnicianId is { } technicianId)
            {
                if (step.AdvancesCursor)
                {
                    S.RoundRobinCursor = technicianId;
                }
                return Offer(ticket, technicianId, step.Decision);
            }
            decision = step.Decision;
        }

        var entered = EntryFor(ticket, time.GetUtcNow());
        var reason = ReasonToJoin(policy, entered.Case);
        position = await QueueAsync(entered with { Case = entered.Case with { Waiting = reason } }, policy, decision);
        return new RoutingOffer(null, position, decision.Summary) { Decision = decision, Waiting = reason };
    }

    /// <summary>The technician a case was offered to before, or that its reservation is on, if still on the roster.</summary>
    private string? EarlierOffer(string caseNumber)
    {
        var earlier = _roster.ReservedFor(caseNumber) ?? (_offers.TryGet(caseNumber, out var remembered) ? remembered : null);
        return earlier is not null && _roster.Contains(earlier) ? earlier : null;
    }

    /// <summary>Reserves the case's weight on the technician in the view and makes the offer.</summary>
    private RoutingOffer Offer(CaseTicket ticket, string technicianId, RoutingDecision decision)
    {
        _roster.Reserve(ticket.CaseNumber, technicianId, ticket.Weight, time.GetUtcNow() + ReservationLifetime);
        _offers.Remember(ticket.CaseNumber, technicianId);
        logger.CaseOffered(ticket.CaseNumber, technicianId, Key, decision.Summary);
        return new RoutingOffer(technicianId, 0, decision.Summary) { Decision = decision };
    }

    /// <summary>Ends a reservation that was not confirmed: its units are free in the view again.</summary>
    private void EndReservation(string caseNumber)
    {
        if (_roster.Release(caseNumber) is not null)
        {
            CapacityFreed();
        }
    }

    private void ExpireReservations()
    {
        if (_roster.Expire(time.GetUtcNow()))
        {
            CapacityFreed();
        }
    }

    /// <summary>Units came free in the view: waiting cases may now fit.</summary>
    private void CapacityFreed()
    {
        if (_queue.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
    }

    /// <summary>Offers the case to the technician the dispatch picks, then the next on refusal, until one accepts or
    /// the dispatch queues it.</summary>
    private async Task<Placement> PlaceAsync(RoutingRequest request, AssignmentOffer offer)
    {
        Dictionary<string, string>? refused = null;
        while (true)
        {
            var earlier = _offers.TryGet(offer.CaseNumber, out var remembered) && _roster.Contains(remembered) ? remembered : null;
            var step = Dispatch.Next(request, _roster.Ranked(), S.RoundRobinCursor, refused, earlier, "offered this case before and holds it");
            if (step.TechnicianId is not { } technicianId)
            {
                return new Placement(null, step.Decision, step.NoneEligible);
            }
            var reply = await OfferAsync(technicianId, offer);
            if (reply.Accepted)
            {
                if (step.AdvancesCursor)
                {
                    S.RoundRobinCursor = technicianId;
                }
                return new Placement(technicianId, step.Decision, false);
            }
            (refused ??= new Dictionary<string, string>(StringComparer.Ordinal))[technicianId] = reply.RefusalReason ?? "refused";
        }
    }

    private async Task<AssignmentReply> OfferAsync(string technicianId, AssignmentOffer offer)
    {
        _offers.Remember(offer.CaseNumber, technicianId);
        var reply = await Technician(technicianId).TryAssignAsync(offer);
        // A reservation the case held from an earlier decision is settled by this offer's answer.
        _roster.Release(offer.CaseNumber);
        // The reply carries the technician's current status: a refusal corrects a stale view at once.
        _roster.ObserveIfPresent(reply.Status);
        if (!reply.Accepted)
        {
            _offers.Forget(offer.CaseNumber);
        }
        return reply;
    }

    /// <summary>Where a case went: the technician (null: not placed), the decision, and whether nobody was
    /// eligible on the view alone (then later cases at least as hard cannot be placed either).</summary>
    private sealed record Placement(string? TechnicianId, RoutingDecision Decision, bool NoneEligible);
}
