namespace AfterSales.Common;

/// <summary>
/// Runs now the work a grain has scheduled for a timer turn of its own (a technician's coalesced push, a department's
/// drain or its ask to sibling shards) and says whether there was any. A barrier for tests, which could otherwise only
/// wait for those timers on the wall clock: nothing in production calls it, and running the work early changes only its
/// timing. Internal, so it is no part of the contracts that the API and other clients see.
/// </summary>
[Alias("AfterSales.IPendingWork")]
internal interface IPendingWork : IGrainWithStringKey
{
    /// <summary>Runs the scheduled work, if any (its timer then stays idle until something schedules work again).</summary>
    [Alias("RunPending")]
    Task<bool> RunPendingAsync();
}
