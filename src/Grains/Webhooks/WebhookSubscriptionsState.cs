using System.Collections.Immutable;
using AfterSales.Persistence;

namespace AfterSales.Webhooks;

/// <summary>Durable state of <see cref="WebhookSubscriptionsGrain"/>: one row per subscription.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.WebhookSubscriptionsState")]
internal sealed class WebhookSubscriptionsState : IRowBackedState
{
    /// <summary>Changes so far (the record's only member; the subscriptions are rows).</summary>
    [Id(0)] public long Changes { get; set; }

    [field: NonSerialized]
    public StateRows<WebhookSubscriptionRecord> Subscriptions { get; } = new("subscription");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Subscriptions];

    EventJournal? IRowBackedState.Journal => null;
}

/// <summary>A subscription as stored, its secret included.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.WebhookSubscriptionRecord")]
internal sealed record WebhookSubscriptionRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] ImmutableArray<string> EventTypes,
    [property: Id(3)] string Secret,
    [property: Id(4)] int Version,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] DateTimeOffset SecretRotatedAt,
    [property: Id(8)] long StartPosition)
{
    public WebhookSubscriptionSnapshot ToSnapshot() => new(Id, Url, EventTypes, Version, CreatedAt, UpdatedAt, SecretRotatedAt);

    public WebhookTarget ToTarget() => new(Id, Url, EventTypes, Secret, Version, StartPosition);
}
