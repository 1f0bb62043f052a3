namespace AfterSales.Common;

/// <summary>Readiness probe: answering proves a silo is up, the write proves grain storage accepts writes.</summary>
internal sealed class HealthProbeGrain(
    [PersistentState("health-probe", StorageNames.Main)] IPersistentState<HealthProbeState> state,
    TimeProvider time) : Grain, IHealthProbeGrain
{
    public async Task<DateTimeOffset> ProbeAsync()
    {
        state.State.ProbedAt = time.GetUtcNow();
        await state.WriteOrResetAsync(this);
        return state.State.ProbedAt;
    }
}
