using System.Collections.Immutable;

namespace AfterSales.Common;

/// <summary>A full page of an expiry list, written once when sealed and removed when its keys are expired.</summary>
internal sealed class IdempotencyExpiryPageGrain(
    [PersistentState("idempotency-expiry-page", StorageNames.Main)] IPersistentState<IdempotencyExpiryPageState> state)
    : Grain, IIdempotencyExpiryPageGrain
{
    public async Task SealAsync(ImmutableArray<string> idempotencyKeys)
    {
        state.State.Keys = [.. idempotencyKeys];
        await state.WriteOrResetAsync(this);
    }

    public async Task ExpireAsync(DateTimeOffset windowEnd)
    {
        await IdempotencySweep.ExpireAsync(GrainFactory, state.State.Keys, windowEnd);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
