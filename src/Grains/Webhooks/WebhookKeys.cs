using AfterSales.Domain.CaseList;

namespace AfterSales.Webhooks;

/// <summary>Keys of the webhook grains.</summary>
internal static class WebhookKeys
{
    /// <summary>The delivery queue of a subscription and a case-feed partition, e.g. <c>wh-0f3a…/p07</c>.</summary>
    public static string Queue(string subscriptionId, int partition) => $"{subscriptionId}/{FeedPartitions.Key(partition)}";

    /// <summary>The partition of a queue key.</summary>
    public static int PartitionOf(string queueKey) =>
        FeedPartitions.TryParseKey(queueKey[(queueKey.LastIndexOf('/') + 1)..], out var partition)
            ? partition
            : throw new ArgumentException($"'{queueKey}' is not a webhook queue key.", nameof(queueKey));

    /// <summary>The subscription of a queue key.</summary>
    public static string SubscriptionOf(string queueKey) => queueKey[..queueKey.LastIndexOf('/')];
}
