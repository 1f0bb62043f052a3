using AfterSales.Common;

namespace AfterSales.Departments;

/// <summary>The drain and the sibling ask the department has scheduled, run on request (<see cref="IPendingWork"/>, a
/// test barrier).</summary>
internal sealed partial class DepartmentGrain : IPendingWork
{
    public async Task<bool> RunPendingAsync()
    {
        var drain = _drainPending;
        var ask = _askPending;
        if (drain)
        {
            _drainTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            await DrainAsync(CancellationToken.None);
        }
        if (ask)
        {
            _askTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            await AskSiblingsAsync(CancellationToken.None);
        }
        return drain || ask;
    }
}
