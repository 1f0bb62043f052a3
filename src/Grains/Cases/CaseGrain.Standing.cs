namespace AfterSales.Cases;

/// <summary>The case's side of queue reconciliation: what it answers its department reconciling the queue, and, for a
/// queued case, making sure on activation that its department still holds it (an entry lost to a failed write heals on
/// the case's next activation, which the department's own reconciliation or any read causes).</summary>
internal sealed partial class CaseGrain
{
    public Task<CaseQueueStanding?> GetQueueStandingAsync() => Task.FromResult(S.Opened
        ? new CaseQueueStanding(S.Status, S.Department, S.Region, S.Queued, S.OptionalRelaxed, S.Queued ? S.Waiting?.Kind : null)
        : null);

    /// <summary>A queued case asks its department, in a turn of its own and one-way, to queue it again unless it holds
    /// it: activation must never wait on the department, which may be the caller.</summary>
    private void EnsureQueuedAfterActivation()
    {
        if (S.Opened && S.Queued && S.Status == CaseStatus.New)
        {
            this.RegisterGrainTimer(
                async _ => await Department().EnsureQueuedAsync(await TicketAsync()),
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }
}
