using System.Collections.Immutable;

namespace AfterSales.Webhooks;

/// <summary>The delivery side of the subscriptions grain (the same activation as
/// <see cref="IWebhookSubscriptionsGrain"/>, key <see cref="IWebhookSubscriptionsGrain.Key"/>): the targets with their
/// secrets, for the reader and the queues only.</summary>
[Alias("AfterSales.Webhooks.IWebhookTargetsGrain")]
internal interface IWebhookTargetsGrain : IGrainWithStringKey
{
    /// <summary>Every subscription's target. Interleaves with everything (it only reads): the queues ask while the
    /// subscriptions grain may be waiting on one of them, which would otherwise be a call cycle.</summary>
    [AlwaysInterleave, Alias("GetTargets")]
    Task<ImmutableArray<WebhookTarget>> GetTargetsAsync();

    /// <summary>One subscription's target, or null when it was deleted (interleaving, as <see cref="GetTargetsAsync"/>).</summary>
    [AlwaysInterleave, Alias("GetTarget")]
    Task<WebhookTarget?> GetTargetAsync(string id);
}
