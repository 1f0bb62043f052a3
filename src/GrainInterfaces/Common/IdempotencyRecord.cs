namespace AfterSales.Common;

/// <summary>What an idempotency key is bound to.</summary>
/// <param name="ExpiresAt">When the retention ends: from then on the key is new.</param>
/// <param name="ExpiryWindowEnd">The end of the expiry window that lists the record for removal.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.IdempotencyRecord")]
public sealed record IdempotencyRecord(
    [property: Id(0)] string RequestHash,
    [property: Id(1)] string ResourceId,
    [property: Id(2)] DateTimeOffset ClaimedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] DateTimeOffset ExpiryWindowEnd);
