using AfterSales.Cases;
using AfterSales.Domain;
using AfterSales.Domain.Devices;
using AfterSales.Domain.Reliability;

namespace AfterSales.Devices;

/// <summary>What the device learns from its fault, maintenance and installation cases: one notice per case change
/// (<see cref="DeviceCaseNotice"/>), applied in at most one write — its open cases (and so its status), the plan's work
/// order (its end, cancellation or move) and the case's reliability fact.</summary>
/// <remarks>The hand-overs that follow (the region's overdue index, the scheduler, the reliability shard) run after the
/// write and are best effort: each is repeated by a later change of the same case or device.</remarks>
internal sealed partial class DeviceGrain
{
    public async Task OnCaseNoticeAsync(DeviceCaseNotice notice)
    {
        var fact = notice.Work;
        if (!S.Registered || fact.Serial != Serial || !VisitRules.TakesVisits(fact.Type))
        {
            return;
        }
        if (IsStale(fact))
        {
            await ForwardHeldAsync(fact.CaseNumber);
            return;
        }
        var open = CaseStateMachine.IsOpen(fact.Status);
        var moved = FollowOpenCase(notice, open);
        var workOrder = FollowWorkOrder(notice, open);
        var handOver = workOrder.Ended && TakesMaintenance ? PlanAhead(await CurrentModelAsync(), notice.At) : [];
        var counted = KeepFact(fact);
        if (moved || workOrder.Changed || counted)
        {
            await CommitAsync();
        }
        await IndexAsync(workOrder);
        await HandOverAsync(handOver);
        await ForwardHeldAsync(fact.CaseNumber);
    }

    /// <summary>Adds or removes the case from the device's open cases; the device's status follows them. True when it
    /// changed (a repeat changes nothing).</summary>
    private bool FollowOpenCase(DeviceCaseNotice notice, bool open)
    {
        var fact = notice.Work;
        if (S.OpenCases.ContainsKey(fact.CaseNumber) == open)
        {
            return false;
        }
        if (open)
        {
            S.OpenCases[fact.CaseNumber] = fact.Type;
        }
        else
        {
            S.OpenCases.Remove(fact.CaseNumber);
        }
        var to = DeviceLifecycle.Follow(S.Status, S.OpenCases.Values);
        Move(notice.At, ActorOf(notice.Actor), open ? DeviceEventKinds.CaseOpened : DeviceEventKinds.CaseEnded, to,
            $"{CamelNames.Of(fact.Type)} case {fact.CaseNumber} {(open ? "opened" : "ended")}");
        return true;
    }
}
