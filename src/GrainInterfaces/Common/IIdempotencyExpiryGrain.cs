using System.Collections.Immutable;

namespace AfterSales.Common;

/// <summary>
/// Lists the idempotency keys whose retention ends in one window, in one partition of the key space (grain key from
/// <see cref="GrainKeys.IdempotencyExpiry"/>), and removes their records with one reminder at the window's end.
/// Keys beyond a page are sealed into <see cref="IIdempotencyExpiryPageGrain"/>s, so a write never grows with the
/// number of keys listed.
/// </summary>
[Alias("AfterSales.IIdempotencyExpiryGrain")]
public interface IIdempotencyExpiryGrain : IGrainWithStringKey
{
    /// <summary>Lists a key (an <see cref="IIdempotencyGrain"/> key) for removal at <paramref name="windowEnd"/>;
    /// durable when it returns. Concurrent calls share one write.</summary>
    [AlwaysInterleave, Alias("Track")]
    Task TrackAsync(string idempotencyKey, DateTimeOffset windowEnd);

    /// <summary>What the reminder does at the window's end: expires every listed key, then forgets them. Before the
    /// window's end it does nothing.</summary>
    [Alias("Sweep")]
    Task SweepAsync();
}

/// <summary>A sealed page of an <see cref="IIdempotencyExpiryGrain"/>: keys written once (grain key
/// <see cref="GrainKeys.IdempotencyExpiryPage"/>).</summary>
[Alias("AfterSales.IIdempotencyExpiryPageGrain")]
public interface IIdempotencyExpiryPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page's keys.</summary>
    [Alias("Seal")]
    Task SealAsync(ImmutableArray<string> idempotencyKeys);

    /// <summary>Expires every key of the page, then removes the page.</summary>
    [Alias("Expire")]
    Task ExpireAsync(DateTimeOffset windowEnd);
}
