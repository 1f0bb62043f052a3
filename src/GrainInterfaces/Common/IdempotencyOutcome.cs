namespace AfterSales.Common;

/// <summary>How an idempotency key relates to a request.</summary>
[GenerateSerializer, Alias("AfterSales.IdempotencyOutcome")]
public enum IdempotencyOutcome
{
    /// <summary>First use of the key: the proposed resource id is now bound to it.</summary>
    Fresh = 0,
    /// <summary>The key was used before with the same request: act on the bound resource id again.</summary>
    Replay = 1,
    /// <summary>The key was used before with a different request body.</summary>
    Mismatch = 2,
}

/// <summary>The answer of <see cref="IIdempotencyGrain.ClaimAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyOutcome Outcome,
    [property: Id(1)] string ResourceId);
