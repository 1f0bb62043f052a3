using System.Collections.Immutable;

namespace AfterSales.Webhooks;

/// <summary>What a delivery queue needs of its subscription: where to send, what, and the key to sign with. Passed
/// only between silo grains; never answered to the API.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Its target URL.</param>
/// <param name="EventTypes">The event kinds it wants.</param>
/// <param name="Secret">The HMAC key.</param>
/// <param name="Version">The subscription's version this copy is of.</param>
/// <param name="StartPosition">The journal's head when the subscription was created: earlier events are not sent.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.WebhookTarget")]
internal sealed record WebhookTarget(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] ImmutableArray<string> EventTypes,
    [property: Id(3)] string Secret,
    [property: Id(4)] int Version,
    [property: Id(5)] long StartPosition)
{
    public bool Wants(string kind) => EventTypes.Contains(kind, StringComparer.Ordinal);
}
