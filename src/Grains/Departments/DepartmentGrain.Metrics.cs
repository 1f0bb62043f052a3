using AfterSales.Diagnostics;

namespace AfterSales.Departments;

/// <summary>The queue-length gauge's cell of this activation (<see cref="DepartmentQueueLengths"/>): written when the
/// queue changes, dropped when the activation ends, so a department that moved reports only from its new silo.</summary>
internal sealed partial class DepartmentGrain
{
    private DepartmentQueueLength? _queueLength;

    /// <summary>Starts reporting once activation has succeeded (a failed activation leaves no cell behind).</summary>
    private void TrackQueueLength()
    {
        _queueLength ??= queueLengths.Track(_department, _region);
        _queueLength.Set(_queue.Count);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _queueLength?.Dispose();
        _queueLength = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }
}
