using AfterSales.Common;

namespace AfterSales.Technicians;

/// <summary>The coalesced push the technician has scheduled, sent on request (<see cref="IPendingWork"/>, a test
/// barrier).</summary>
internal sealed partial class TechnicianGrain : IPendingWork
{
    public async Task<bool> RunPendingAsync()
    {
        if (!_pushPending)
        {
            return false;
        }
        _pushTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await PushAsync(CancellationToken.None);
        return true;
    }
}
