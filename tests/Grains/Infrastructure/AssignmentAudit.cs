using System.Collections.Concurrent;
using AfterSales.Staff;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// Watches every offer a technician accepts, in the silo, as it happens: records the technician's presence and
/// load at that moment. Tests use it to prove that no case was ever given to an off-shift or away technician
/// and that no acceptance took a technician over its capacity — facts that a later snapshot cannot show.
/// </summary>
internal sealed class AssignmentAudit : IIncomingGrainCallFilter
{
    private static readonly ConcurrentQueue<Accepted> Log = new();

    public static IReadOnlyCollection<Accepted> Acceptances => Log;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.Name == nameof(ITechnicianGrain.TryAssignAsync)
            && context.Result is AssignmentReply { Accepted: true, AlreadyHeld: false } reply
            && context.Request.GetArgument(0) is AssignmentOffer offer)
        {
            Log.Enqueue(new Accepted(reply.Status.TechnicianId, offer.CaseNumber, reply.Status.Presence, reply.Status.Load, reply.Status.Capacity, offer.Weight));
        }
    }

    /// <summary>One acceptance: the technician's presence and load right after taking the case, and the case's weight.</summary>
    internal sealed record Accepted(string TechnicianId, string CaseNumber, Presence Presence, int Load, int Capacity, int Weight);
}
