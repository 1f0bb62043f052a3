namespace AfterSales.Cases;

/// <summary>What the case answers its department reconciling its queue.</summary>
internal sealed partial class CaseGrain
{
    public Task<CaseQueueStanding?> GetQueueStandingAsync() => Task.FromResult(S.Opened
        ? new CaseQueueStanding(S.Status, S.Department, S.Region, S.Queued, S.OptionalRelaxed, S.Queued ? S.Waiting?.Kind : null)
        : null);
}
