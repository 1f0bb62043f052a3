using System.Collections.Immutable;
using AfterSales.Departments;
using AfterSales.Technicians;

namespace AfterSales.Cases;

/// <summary>
/// How a case is routed: the department decides, the case claims. The department ranks its view in a short turn,
/// reserves the case's weight on the technician it chose and answers with an offer; the caller then claims the case
/// at that technician (whose durable write so happens outside the department's turn) and confirms one-way. A refusal
/// goes back with the next decision, which clears the reservation and leaves that technician out; after
/// <see cref="DepartmentGrain.MaxOffersPerCase"/> refusals the department queues the case.
/// </summary>
/// <remarks>Call graph: the caller awaits the department only while the case is not queued there, and the
/// technician, which awaits no grain; the confirmation is one-way. Nothing here waits on the caller.</remarks>
internal static class CaseRouter
{
    /// <summary>Routes the case of <paramref name="ticket"/> through <paramref name="department"/>: assigned to a
    /// technician that accepted the claim, or queued. Idempotent per case number (an earlier offer is repeated to the
    /// same technician, which accepts again if it took the case).</summary>
    public static async Task<RoutingOutcome> RouteAsync(IGrainFactory grains, IDepartmentGrain department, CaseTicket ticket)
    {
        var refusals = ImmutableArray<ClaimRefusal>.Empty;
        // The department queues the case once MaxOffersPerCase technicians refused it; the bound is a backstop.
        for (var attempt = 0; attempt <= DepartmentGrain.MaxOffersPerCase; attempt++)
        {
            var offer = await department.DecideAsync(ticket, refusals);
            if (offer.TechnicianId is not { } technicianId)
            {
                return new RoutingOutcome(null, offer.QueuePosition, offer.Reason) { Decision = offer.Decision, Waiting = offer.Waiting };
            }
            var reply = await grains.GetGrain<ITechnicianGrain>(technicianId).TryAssignAsync(ClaimFor(ticket));
            if (reply.Accepted)
            {
                await department.ConfirmAsync(ticket.CaseNumber, reply.Status);
                return new RoutingOutcome(technicianId, 0, offer.Reason) { Decision = offer.Decision };
            }
            refusals = refusals.Add(new ClaimRefusal(technicianId, reply.RefusalReason ?? "refused", reply.Status));
        }
        throw new InvalidOperationException($"Department kept offering case {ticket.CaseNumber} after {refusals.Length} refusals.");
    }

    /// <summary>The offer a technician is asked to take the case with (the case's claim and a department's offer alike).</summary>
    internal static AssignmentOffer ClaimFor(CaseTicket ticket) =>
        new(ticket.CaseNumber, ticket.Type, ticket.Priority, ticket.Weight, ticket.CustomerId)
        {
            Required = ticket.Required.IsDefault ? [] : ticket.Required,
            SlaDue = ticket.SlaDue,
            AtRisk = ticket.AtRisk,
        };
}
