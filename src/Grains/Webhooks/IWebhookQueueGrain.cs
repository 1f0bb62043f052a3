using System.Collections.Immutable;
using AfterSales.CaseList;

namespace AfterSales.Webhooks;

/// <summary>The deliveries of one subscription for one case-feed partition (key <see cref="WebhookKeys.Queue"/>): its
/// queue, checkpoint, dead letters and log.</summary>
[Alias("AfterSales.Webhooks.IWebhookQueueGrain")]
internal interface IWebhookQueueGrain : IGrainWithStringKey
{
    /// <summary>The journal position up to which every event of the partition is queued (or filtered out); a new
    /// queue starts at <paramref name="startPosition"/>.</summary>
    [Alias("GetCheckpoint")]
    Task<long> GetCheckpointAsync(long startPosition);

    /// <summary>Queues the partition's events of a journal page read up to <paramref name="readUpTo"/> that the
    /// subscription wants, each event once; answers the checkpoint (unchanged while the queue is full).</summary>
    [Alias("Offer")]
    Task<long> OfferAsync(WebhookTarget target, ImmutableArray<CatchUpEvent> events, long readUpTo);

    /// <summary>Takes a changed URL, event types or secret for the deliveries still to come.</summary>
    [Alias("SetTarget")]
    Task SetTargetAsync(WebhookTarget target);

    /// <summary>Log entries with an id after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>,
    /// and whether more follow.</summary>
    [ReadOnly, Alias("ReadLog")]
    Task<WebhookDeliveryPage> ReadLogAsync(string? after, int limit);

    /// <summary>Queues a dead letter again; null when this queue holds none with that id.</summary>
    [Alias("Redeliver")]
    Task<WebhookDeadLetter?> RedeliverAsync(Guid eventId);

    /// <summary>Forgets everything (the subscription was deleted).</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
