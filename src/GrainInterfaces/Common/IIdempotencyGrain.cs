namespace AfterSales.Common;

/// <summary>
/// Binds one client idempotency key (grain key <c>{scope}/{key}</c>, see <see cref="GrainKeys.Idempotency"/>)
/// to the resource a create request made. The resource's own grain records the key and request hash together
/// with the change, so a replay that reaches it again is recognised there too.
/// </summary>
[Alias("AfterSales.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request with the given body hash; on first use binds <paramref name="proposedResourceId"/>.</summary>
    [Alias("Claim")]
    Task<IdempotencyClaim> ClaimAsync(string requestHash, string proposedResourceId);
}
