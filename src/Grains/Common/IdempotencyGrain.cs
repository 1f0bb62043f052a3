namespace AfterSales.Common;

/// <summary>Binds one client idempotency key to the resource its first request created.</summary>
internal sealed class IdempotencyGrain(
    [PersistentState("idempotency", StorageNames.Main)] IPersistentState<IdempotencyState> state,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    public async Task<IdempotencyClaim> ClaimAsync(string requestHash, string proposedResourceId)
    {
        var s = state.State;
        if (s.RequestHash is null)
        {
            s.RequestHash = requestHash;
            s.ResourceId = proposedResourceId;
            s.ClaimedAt = time.GetUtcNow();
            await state.WriteOrResetAsync(this);
            return new IdempotencyClaim(IdempotencyOutcome.Fresh, proposedResourceId);
        }
        var outcome = string.Equals(s.RequestHash, requestHash, StringComparison.Ordinal)
            ? IdempotencyOutcome.Replay
            : IdempotencyOutcome.Mismatch;
        return new IdempotencyClaim(outcome, s.ResourceId!);
    }
}
