namespace AfterSales.Common;

/// <summary>
/// Binds one client idempotency key (grain key <c>{scope}/{key}</c>, see <see cref="GrainKeys.Idempotency"/>)
/// to the resource a create request made, for the retention the silo is configured with (24 hours by default);
/// after it the key is new. The resource's own grain records the key and request hash together with the change, so
/// a replay that reaches it again is recognised there too.
/// </summary>
[Alias("AfterSales.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request with the given body hash; on first use binds <paramref name="proposedResourceId"/>.</summary>
    [Alias("Claim")]
    Task<IdempotencyClaim> ClaimAsync(string requestHash, string proposedResourceId);

    /// <summary>Claims the key for a case create: on first use takes a new case number and binds it, so a replay
    /// answers the bound number and never takes one.</summary>
    [Alias("ClaimCaseNumber")]
    Task<IdempotencyClaim> ClaimCaseNumberAsync(string requestHash);

    /// <summary>Claims the key for a complaint: on first use takes a new complaint id and binds it, so a replay answers
    /// the bound id and never takes one.</summary>
    [Alias("ClaimComplaintNumber")]
    Task<IdempotencyClaim> ClaimComplaintNumberAsync(string requestHash);

    /// <summary>The stored record, also after its retention ended and until it is removed; null when none is stored.</summary>
    [ReadOnly, Alias("Get")]
    Task<IdempotencyRecord?> GetAsync();

    /// <summary>Called by the expiry window <paramref name="windowEnd"/> that lists this key: removes the record if its
    /// retention has ended, or moves it to the window where it will have (a longer retention was configured meanwhile).</summary>
    [Alias("Expire")]
    Task ExpireAsync(DateTimeOffset windowEnd);
}
