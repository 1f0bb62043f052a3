using Orleans.Placement;

namespace AfterSales.Tests.Storage.Probes;

// Random placement: the cluster test needs activations on both silos, and Orleans' default placement prefers the
// silo that receives the call (the client's one gateway), so forty new grains could all land there.
[Orleans.Placement.RandomPlacement]
public sealed class ProbeGrain([PersistentState("probe", StorageNames.Main)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain, IRemindable
{
    public async Task SetAsync(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        await state.WriteStateAsync();
    }

    public Task<string> GetAsync() => Task.FromResult(state.State.Value);

    public async Task RegisterReminderAsync(string name) =>
        await this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<string[]> GetReminderNamesAsync() =>
        [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public Task<string> WhereAmIAsync() => Task.FromResult(RuntimeIdentity);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
