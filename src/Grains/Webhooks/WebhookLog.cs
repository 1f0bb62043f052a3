using Microsoft.Extensions.Logging;

namespace AfterSales.Webhooks;

/// <summary>Log events of webhook deliveries (never a secret, a URL's query or a body).</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 9980, Level = LogLevel.Warning, Message = "Webhook queue {Queue}: event {EventId} of case {CaseNumber} dead-lettered after {Attempts} attempts ({Error})")]
    public static partial void DeadLettered(this ILogger logger, string queue, Guid eventId, string caseNumber, int attempts, string? error);

    [LoggerMessage(EventId = 9981, Level = LogLevel.Warning, Message = "Webhook queue {Queue} is full ({Count} events); it takes no more from the journal until it drains")]
    public static partial void QueueFull(this ILogger logger, string queue, int count);

    [LoggerMessage(EventId = 9982, Level = LogLevel.Warning, Message = "Webhook reader: reading the journal after {Position} failed; the next tick tries again")]
    public static partial void ReaderFailed(this ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 9983, Level = LogLevel.Warning, Message = "Webhook queue {Queue}: a delivery turn failed; its state is read again")]
    public static partial void DeliveryTurnFailed(this ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 9984, Level = LogLevel.Warning, Message = "Webhook subscription {Subscription}: telling queue {Partition} of a change failed; it learns it with its next events")]
    public static partial void QueueNotTold(this ILogger logger, Exception exception, string subscription, int partition);

    [LoggerMessage(EventId = 9985, Level = LogLevel.Information, Message = "Webhook queue {Queue}: dead letter {EventId} queued again")]
    public static partial void Redelivering(this ILogger logger, string queue, Guid eventId);

    [LoggerMessage(EventId = 9986, Level = LogLevel.Debug, Message = "Webhook queue {Queue}: filled {Count} missing events of case {CaseNumber} from the journal")]
    public static partial void GapFilled(this ILogger logger, string queue, int count, string caseNumber);
}
