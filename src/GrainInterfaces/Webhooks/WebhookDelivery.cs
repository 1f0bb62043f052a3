using System.Collections.Immutable;

namespace AfterSales.Webhooks;

/// <summary>How a delivery attempt ended.</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>It failed and will be tried again at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>It failed for the last allowed time: the event is a dead letter until redelivered.</summary>
    DeadLettered,
}

/// <summary>One attempt to deliver one event, as the delivery log keeps it.</summary>
/// <param name="Id">The entry's place in the log (opaque; <c>after</c> of the next page).</param>
/// <param name="EventId">The event's id (what receivers de-duplicate by).</param>
/// <param name="EventType">The event's kind.</param>
/// <param name="CaseNumber">The case.</param>
/// <param name="Sequence">The event's sequence within the case.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="StatusCode">The receiver's HTTP status, when it answered.</param>
/// <param name="Error">Why it failed, when it did (no response bodies, no secrets).</param>
/// <param name="StartedAt">When the request was sent.</param>
/// <param name="FinishedAt">When the answer (or the failure) came.</param>
/// <param name="NextAttemptAt">When it is tried again, after a failure that is not the last.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string Id,
    [property: Id(1)] Guid EventId,
    [property: Id(2)] string EventType,
    [property: Id(3)] string CaseNumber,
    [property: Id(4)] long Sequence,
    [property: Id(5)] int Attempt,
    [property: Id(6)] WebhookDeliveryOutcome Outcome,
    [property: Id(7)] int? StatusCode,
    [property: Id(8)] string? Error,
    [property: Id(9)] DateTimeOffset StartedAt,
    [property: Id(10)] DateTimeOffset FinishedAt,
    [property: Id(11)] DateTimeOffset? NextAttemptAt);

/// <summary>A page of a subscription's delivery log, oldest first.</summary>
/// <param name="Deliveries">The entries.</param>
/// <param name="HasMore">True when later entries follow.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Webhooks.WebhookDeliveryPage")]
public sealed record WebhookDeliveryPage(
    [property: Id(0)] ImmutableArray<WebhookDelivery> Deliveries,
    [property: Id(1)] bool HasMore);
