using System.Collections.Concurrent;
using AfterSales.Technicians;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// Watches every offer a technician accepts, in the silo, as it happens: records the technician's presence and
/// load at that moment in the cluster's <see cref="AssignmentLog"/>. Tests use it to prove that no case was ever
/// given to an off-shift or away technician and that no acceptance broke the capacity rule — facts that a later
/// snapshot cannot show.
/// </summary>
internal sealed class AssignmentAudit(AssignmentLog log) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.Name == nameof(ITechnicianGrain.TryAssignAsync)
            && context.Result is AssignmentReply { Accepted: true, AlreadyHeld: false } reply
            && context.Request.GetArgument(0) is AssignmentOffer offer)
        {
            log.Add(new AssignmentLog.Accepted(
                reply.Status.TechnicianId, offer.CaseNumber, reply.Status.Presence, reply.Status.Load, reply.Status.Capacity, offer.Weight));
        }
    }
}

/// <summary>The acceptances <see cref="AssignmentAudit"/> saw in one test cluster (owned by its fixture).</summary>
public sealed class AssignmentLog
{
    private readonly ConcurrentQueue<Accepted> _log = new();

    public IReadOnlyCollection<Accepted> Acceptances => _log;

    internal void Add(Accepted accepted) => _log.Enqueue(accepted);

    /// <summary>One acceptance: the technician's presence and load right after taking a case of <paramref name="Weight"/> units.</summary>
    public sealed record Accepted(string TechnicianId, string CaseNumber, Presence Presence, int Load, int Capacity, int Weight)
    {
        /// <summary>The capacity rule held: the units fit, or the technician held nothing before this case.</summary>
        public bool WithinCapacity => Load <= Capacity || Load == Weight;
    }
}
