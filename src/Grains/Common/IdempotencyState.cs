namespace AfterSales.Common;

/// <summary>Durable state of <see cref="IdempotencyGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.IdempotencyState")]
internal sealed class IdempotencyState
{
    [Id(0)] public string? RequestHash { get; set; }
    [Id(1)] public string? ResourceId { get; set; }
    [Id(2)] public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>The end of the expiry window that lists this key for removal.</summary>
    [Id(3)] public DateTimeOffset ExpiryWindowEnd { get; set; }
}
