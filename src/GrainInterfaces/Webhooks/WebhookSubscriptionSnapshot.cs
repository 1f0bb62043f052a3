using System.Collections.Immutable;

namespace AfterSales.Webhooks;

/// <summary>A webhook subscription as anyone may read it: never its secret.</summary>
/// <param name="Id">Minted by the platform (<c>wh-</c> and 32 hex digits).</param>
/// <param name="Url">Where deliveries are POSTed.</param>
/// <param name="EventTypes">The case event kinds delivered.</param>
/// <param name="Version">Moves with every change (the ETag).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="SecretRotatedAt">When its secret was last set.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.WebhookSubscriptionSnapshot")]
public sealed record WebhookSubscriptionSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] ImmutableArray<string> EventTypes,
    [property: Id(3)] int Version,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] DateTimeOffset SecretRotatedAt);

/// <summary>Creates a subscription.</summary>
/// <param name="Id">The id the API minted.</param>
/// <param name="Url">An absolute https URL (http only where the deployment allows it).</param>
/// <param name="EventTypes">Known case event kinds, each once.</param>
/// <param name="Secret">The HMAC key deliveries are signed with.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.CreateWebhookSubscription")]
public sealed record CreateWebhookSubscription(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] ImmutableArray<string> EventTypes,
    [property: Id(3)] string Secret);

/// <summary>Replaces a subscription's target and event types, and its secret when one is given (rotation).</summary>
/// <param name="Url">The new URL.</param>
/// <param name="EventTypes">The new event types.</param>
/// <param name="Secret">A new secret, or null to keep the current one.</param>
/// <param name="ExpectedVersion">The version the change must find (If-Match), or null.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.UpdateWebhookSubscription")]
public sealed record UpdateWebhookSubscription(
    [property: Id(0)] string Url,
    [property: Id(1)] ImmutableArray<string> EventTypes,
    [property: Id(2)] string? Secret,
    [property: Id(3)] int? ExpectedVersion);
