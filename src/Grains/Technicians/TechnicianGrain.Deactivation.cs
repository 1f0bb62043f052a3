namespace AfterSales.Technicians;

/// <summary>What a technician finishes before it deactivates (idle collection, or its silo stopping on SIGTERM).</summary>
internal sealed partial class TechnicianGrain
{
    /// <summary>Sends a push still waiting on its timer. The state is already written (every change is written before
    /// it is acknowledged); without this, the department would see the last change only at its next reconciliation.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pushPending)
        {
            _pushTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            await PushAsync(cancellationToken);
        }
    }
}
