using AfterSales.Webhooks;

namespace AfterSales.Api.Webhooks;

/// <summary>A webhook subscription; its secret is never answered.</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="EventTypes">The case event kinds delivered.</param>
/// <param name="Version">Moves with every change; the ETag carries it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="SecretRotatedAt">When its secret was last set.</param>
public sealed record WebhookSubscriptionResponse(
    string Id, string Url, IReadOnlyList<string> EventTypes, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset SecretRotatedAt)
{
    internal static WebhookSubscriptionResponse From(WebhookSubscriptionSnapshot s) =>
        new(s.Id, s.Url, [.. s.EventTypes], s.Version, s.CreatedAt, s.UpdatedAt, s.SecretRotatedAt);
}

/// <summary>Every webhook subscription, by id.</summary>
/// <param name="Subscriptions">The subscriptions.</param>
public sealed record WebhookSubscriptionListResponse(IReadOnlyList<WebhookSubscriptionResponse> Subscriptions);

/// <summary>A page of a subscription's delivery log, oldest first.</summary>
/// <param name="Deliveries">One entry per attempt.</param>
/// <param name="Next">The next page while more entries follow, else null.</param>
public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDelivery> Deliveries, string? Next);
