using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Webhooks;

/// <summary>
/// The webhook subscriptions of the deployment (key <see cref="Key"/>): few, changed rarely, and on no case's path —
/// the deliveries run in per-subscription × partition queues that read the journal, not through this grain.
/// </summary>
[Alias("AfterSales.Webhooks.IWebhookSubscriptionsGrain")]
public interface IWebhookSubscriptionsGrain : IGrainWithStringKey
{
    /// <summary>The one grain's key.</summary>
    const string Key = "all";

    /// <summary>Creates a subscription; deliveries start with the events written after it.</summary>
    [Alias("Create")]
    Task<Result<WebhookSubscriptionSnapshot>> CreateAsync(CreateWebhookSubscription request);

    /// <summary>The subscription, or null.</summary>
    [ReadOnly, Alias("Get")]
    Task<WebhookSubscriptionSnapshot?> GetAsync(string id);

    /// <summary>Every subscription, by id.</summary>
    [ReadOnly, Alias("List")]
    Task<ImmutableArray<WebhookSubscriptionSnapshot>> ListAsync();

    /// <summary>Replaces a subscription's URL and event types, and its secret when one is given.</summary>
    [Alias("Update")]
    Task<Result<WebhookSubscriptionSnapshot>> UpdateAsync(string id, UpdateWebhookSubscription request);

    /// <summary>Removes a subscription and its queues (waiting deliveries, dead letters and log).</summary>
    [Alias("Delete")]
    Task<Result<WebhookSubscriptionSnapshot>> DeleteAsync(string id, int? expectedVersion);

    /// <summary>A page of the subscription's delivery log after <paramref name="after"/>; null when there is no such
    /// subscription.</summary>
    [ReadOnly, Alias("GetDeliveries")]
    Task<WebhookDeliveryPage?> GetDeliveriesAsync(string id, string? after, int limit);

    /// <summary>Queues a dead-lettered event again (attempts start from 1); 404 when the subscription holds no dead
    /// letter with that id.</summary>
    [Alias("Redeliver")]
    Task<Result<WebhookDeadLetter>> RedeliverAsync(string id, Guid eventId);
}

/// <summary>A dead-lettered event put back in its queue.</summary>
/// <param name="EventId">The event.</param>
/// <param name="CaseNumber">Its case.</param>
/// <param name="Sequence">Its sequence within the case.</param>
/// <param name="EventType">Its kind.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.WebhookDeadLetter")]
public sealed record WebhookDeadLetter(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string CaseNumber,
    [property: Id(2)] long Sequence,
    [property: Id(3)] string EventType);
