using AfterSales.Persistence;

namespace AfterSales.Webhooks;

/// <summary>Durable state of <see cref="WebhookQueueGrain"/>: a small record, and rows for what grows — the waiting
/// events, the per-case cursors, the dead letters and the log — so a delivery writes only the rows it changed.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.WebhookQueueState")]
internal sealed class WebhookQueueState : IRowBackedState
{
    /// <summary>True once the queue took its subscription's start position.</summary>
    [Id(0)] public bool Started { get; set; }

    /// <summary>Every event of the partition at or below this journal position is queued, delivered or filtered out.</summary>
    [Id(1)] public long Checkpoint { get; set; }

    /// <summary>The subscription as last told (URL, event types, secret).</summary>
    [Id(2)] public WebhookTarget? Target { get; set; }

    /// <summary>The number the next log entry gets.</summary>
    [Id(3)] public long NextLogNumber { get; set; }

    /// <summary>The number of the oldest log entry kept.</summary>
    [Id(4)] public long OldestLogNumber { get; set; }

    /// <summary>Events waiting to be sent, keyed <c>{case}/{sequence:D12}</c>.</summary>
    [field: NonSerialized]
    public StateRows<WebhookPendingItem> Pending { get; } = new("pending");

    /// <summary>Per case, the last event taken from the journal (for de-duplication), keyed by case number; dropped once
    /// the checkpoint is past it by more than the overlap and nothing of the case waits.</summary>
    [field: NonSerialized]
    public StateRows<WebhookCaseCursor> Cursors { get; } = new("cursor");

    /// <summary>Events that failed every attempt, keyed by event id.</summary>
    [field: NonSerialized]
    public StateRows<WebhookPendingItem> Dead { get; } = new("dead");

    /// <summary>The delivery log, keyed by entry number (<c>D12</c>).</summary>
    [field: NonSerialized]
    public StateRows<WebhookDelivery> Log { get; } = new("log");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Pending, Cursors, Dead, Log];

    EventJournal? IRowBackedState.Journal => null;
}

/// <summary>An event waiting for delivery (or dead-lettered).</summary>
/// <param name="EventId">The journal event's id.</param>
/// <param name="CaseNumber">Its case.</param>
/// <param name="Sequence">Its sequence within the case.</param>
/// <param name="EventType">Its kind.</param>
/// <param name="Body">The request body, fixed when queued so every attempt sends the same bytes.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="DueAt">When it may be sent (once its case's earlier events are sent).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.WebhookPendingItem")]
internal sealed record WebhookPendingItem(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string CaseNumber,
    [property: Id(2)] long Sequence,
    [property: Id(3)] string EventType,
    [property: Id(4)] string Body,
    [property: Id(5)] int Attempts,
    [property: Id(6)] DateTimeOffset DueAt)
{
    public string Key => PendingKey(CaseNumber, Sequence);

    public static string PendingKey(string caseNumber, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{caseNumber}/{sequence:D12}");
}

/// <summary>The last event of a case a queue took from the journal.</summary>
/// <param name="Sequence">Its sequence.</param>
/// <param name="Position">Its journal position.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.WebhookCaseCursor")]
internal sealed record WebhookCaseCursor([property: Id(0)] long Sequence, [property: Id(1)] long Position);
