using System.Collections.Immutable;

namespace AfterSales.Webhooks;

/// <summary>The delivery side of the subscriptions grain (the same activation as
/// <see cref="IWebhookSubscriptionsGrain"/>, key <see cref="IWebhookSubscriptionsGrain.Key"/>): the targets with their
/// secrets, for the reader and the queues only.</summary>
[Alias("AfterSales.Webhooks.IWebhookTargetsGrain")]
internal interface IWebhookTargetsGrain : IGrainWithStringKey
{
    /// <summary>Every subscription's target.</summary>
    [ReadOnly, Alias("GetTargets")]
    Task<ImmutableArray<WebhookTarget>> GetTargetsAsync();

    /// <summary>One subscription's target, or null when it was deleted.</summary>
    [ReadOnly, Alias("GetTarget")]
    Task<WebhookTarget?> GetTargetAsync(string id);
}
