namespace AfterSales.Common;

/// <summary>A reminder that keeps a multi-step command going after a crash: registered before the command stores what
/// it will do, removed once every step is done. Each tick re-runs the (idempotent) remaining steps.</summary>
internal static class FollowUpReminders
{
    /// <summary>How soon after a cut-off the remaining steps are retried (a reminder's minimum period).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static Task KeepAsync(this Grain grain, string name) => grain.RegisterOrUpdateReminder(name, Period, Period);

    public static async Task DropAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
