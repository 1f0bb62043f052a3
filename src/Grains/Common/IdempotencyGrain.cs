using AfterSales.Cases;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Common;

/// <summary>Binds one client idempotency key to the resource its first request created, for the configured retention.</summary>
/// <remarks>A record is listed in the expiry window in which its retention ends before it is written, so no stored
/// record is ever missing from the lists that remove them. Between the end of its retention and its window's sweep a
/// record still exists but no longer answers: the key is new, and a new claim replaces the record.</remarks>
internal sealed class IdempotencyGrain(
    [PersistentState("idempotency", StorageNames.Main)] IPersistentState<IdempotencyState> state,
    IOptions<IdempotencyOptions> options,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    /// <summary>Expiry lists per window: enough that no list sees every create of a busy window.</summary>
    internal const int ExpiryPartitions = 8;

    private IdempotencyState S => state.State;

    private TimeSpan Retention => options.Value.Retention;

    private bool Stored => S.RequestHash is not null;

    public Task<IdempotencyClaim> ClaimAsync(string requestHash, string proposedResourceId) =>
        ClaimAsync(requestHash, () => Task.FromResult(proposedResourceId));

    public Task<IdempotencyClaim> ClaimCaseNumberAsync(string requestHash) =>
        ClaimAsync(requestHash, () => GrainFactory.GetGrain<ICaseNumberGrain>(0).NextAsync());

    public Task<IdempotencyClaim> ClaimComplaintNumberAsync(string requestHash) =>
        ClaimAsync(requestHash, () => GrainFactory.GetGrain<Complaints.IComplaintNumberGrain>(0).NextAsync());

    public Task<IdempotencyRecord?> GetAsync() => Task.FromResult(Stored
        ? new IdempotencyRecord(S.RequestHash!, S.ResourceId!, S.ClaimedAt, S.ClaimedAt + Retention, S.ExpiryWindowEnd)
        : null);

    public async Task ExpireAsync(DateTimeOffset windowEnd)
    {
        if (!Stored)
        {
            DeactivateOnIdle();
            return;
        }
        var expiresAt = S.ClaimedAt + Retention;
        if (time.GetUtcNow() >= expiresAt)
        {
            await state.ClearStateAsync();
            DeactivateOnIdle();
            return;
        }
        if (S.ExpiryWindowEnd > windowEnd)
        {
            return; // claimed again since, and listed in a later window
        }
        // The retention was lengthened after the record was listed: list it where it now ends.
        S.ExpiryWindowEnd = await ListAsync(expiresAt);
        await state.WriteOrResetAsync(this);
    }

    private async Task<IdempotencyClaim> ClaimAsync(string requestHash, Func<Task<string>> newResourceId)
    {
        var now = time.GetUtcNow();
        if (Stored && now < S.ClaimedAt + Retention)
        {
            var outcome = string.Equals(S.RequestHash, requestHash, StringComparison.Ordinal)
                ? IdempotencyOutcome.Replay
                : IdempotencyOutcome.Mismatch;
            return new IdempotencyClaim(outcome, S.ResourceId!);
        }
        // First use, or the retention of the last use has ended: the key is new.
        var resourceId = await newResourceId();
        var window = await ListAsync(now + Retention);
        S.RequestHash = requestHash;
        S.ResourceId = resourceId;
        S.ClaimedAt = now;
        S.ExpiryWindowEnd = window;
        await state.WriteOrResetAsync(this);
        return new IdempotencyClaim(IdempotencyOutcome.Fresh, resourceId);
    }

    /// <summary>Lists this key in the expiry window that holds <paramref name="expiresAt"/> (once per window).</summary>
    private async Task<DateTimeOffset> ListAsync(DateTimeOffset expiresAt)
    {
        var windowEnd = ExpiryWindows.EndOf(expiresAt, options.Value.ExpiryWindow);
        if (windowEnd != S.ExpiryWindowEnd || !Stored)
        {
            var key = this.GetPrimaryKeyString();
            var partition = (int)(ShardKeys.StableHash(key) % ExpiryPartitions);
            await GrainFactory.GetGrain<IIdempotencyExpiryGrain>(GrainKeys.IdempotencyExpiry(windowEnd, partition))
                .TrackAsync(key, windowEnd);
        }
        return windowEnd;
    }
}
