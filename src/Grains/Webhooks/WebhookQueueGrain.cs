using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Cases;
using AfterSales.CaseList;
using AfterSales.Domain.CaseList;
using AfterSales.Domain.Webhooks;
using AfterSales.Hosting;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Webhooks;

/// <summary>
/// Delivers one subscription's events of one case-feed partition. The reader offers it the partition's events of each
/// journal page; it takes each event once (<see cref="EventFollower{TEvent}"/>, per case in sequence order, a gap
/// filled from the case's own stream), queues those the subscription wants and moves its checkpoint, in one write. A
/// timer sends what is due, per case in order (<see cref="CaseOrderedQueue{T}"/>), several cases at once, and records
/// each attempt: delivered, failed with its next attempt after a backoff, or dead-lettered after the last attempt.
/// </summary>
/// <remarks>Non-reentrant: offers, delivery turns and commands take turns, so the rows and the index agree. A delivery
/// turn holds the grain while its requests are out (at most the delivery timeout). A failed write deactivates the grain,
/// which reads its stored state again: nothing counts as queued, sent or dead until it is written. While it holds
/// events its one-minute reminder brings it back after its silo died.</remarks>
internal sealed class WebhookQueueGrain(
    [PersistentState("webhookQueue", StorageNames.Main)] IPersistentState<WebhookQueueState> state,
    IEventLog journal,
    WebhookSender sender,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookQueueGrain> logger)
    : Grain, IWebhookQueueGrain, IRemindable
{
    private const string ReminderName = "deliver";

    private readonly CaseOrderedQueue<WebhookPendingItem> _queue = new();
    private EventFollower<WebhookPendingItem?> _follower = new(maxKnownStreams: 10_000);
    private IGrainTimer? _timer;
    private bool _reminded;
    private bool _fullLogged;

    private WebhookQueueState S => state.State;

    private string Key => this.GetPrimaryKeyString();

    private WebhookOptions Options => options.Value;

    private RetrySchedule Schedule => new(Options.RetryBaseDelay, Options.RetryMaxDelay, Options.MaxAttempts);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var item in S.Pending.Values)
        {
            _queue.Add(item.CaseNumber, item.Sequence, item.DueAt, item);
        }
        await KeepDeliveringAsync();
    }

    public Task<long> GetCheckpointAsync(long startPosition) => Task.FromResult(S.Started ? S.Checkpoint : startPosition);

    public async Task<long> OfferAsync(WebhookTarget target, ImmutableArray<CatchUpEvent> events, long readUpTo)
    {
        if (!S.Started)
        {
            S.Started = true;
            S.Checkpoint = target.StartPosition;
        }
        S.Target = target;
        if (_queue.Count >= Options.MaxQueueLength)
        {
            if (!_fullLogged)
            {
                logger.QueueFull(Key, _queue.Count);
                _fullLogged = true;
            }
            return S.Checkpoint;
        }
        _fullLogged = false;
        var now = time.GetUtcNow();
        var offered = events
            .Where(e => e.Position > target.StartPosition)
            .Select(e => new Followed<WebhookPendingItem?>(e.CaseNumber, e.Event.Sequence, e.Event.EventId, e.Position, Pending(target, e.CaseNumber, e.Event, now)))
            .ToList();
        foreach (var number in _follower.Unknown(offered))
        {
            // A case the queue holds no cursor of has nothing of it taken yet: its first offered event is its first
            // one for this subscription (earlier ones were before the start, or behind a cursor already dropped).
            _follower.Know(number, S.Cursors.TryGetValue(number, out var cursor)
                ? cursor.Sequence
                : offered.Where(e => e.Stream == number).Min(e => e.Sequence) - 1);
        }
        try
        {
            // A case erased since its events were queued: the waiting ones go out as the journal reads now.
            var erased = events.Where(e => e.Event.Kind == CaseEventKinds.PersonalDataErased).Select(e => e.CaseNumber)
                .Where(_queue.Holds).ToHashSet(StringComparer.Ordinal);
            await TakeAsync(target, offered, readUpTo, now, erased);
        }
        catch
        {
            // The follower may now be ahead of storage: start again from what is stored.
            _follower = new(maxKnownStreams: 10_000);
            throw;
        }
        await KeepDeliveringAsync();
        return S.Checkpoint;
    }

    /// <summary>Queues what the follower lets through (filling gaps from the journal), moves the checkpoint, drops
    /// cursors past the overlap, and stores it all in one write.</summary>
    private async Task TakeAsync(WebhookTarget target, List<Followed<WebhookPendingItem?>> offered, long readUpTo, DateTimeOffset now,
        HashSet<string> erased)
    {
        var rebuilt = await RebuildBodiesAsync(erased);
        var ready = new List<Followed<WebhookPendingItem?>>(_follower.Accept(offered));
        foreach (var gap in _follower.Gaps())
        {
            var missing = await journal.ReadStreamAsync(CaseState.StreamType, gap.Stream, gap.AfterSequence,
                (int)Math.Min(Options.BatchSize, gap.BeforeSequence - gap.AfterSequence - 1));
            logger.GapFilled(Key, missing.Count, gap.Stream);
            ready.AddRange(_follower.Accept(missing.Select(e => new Followed<WebhookPendingItem?>(
                e.StreamId, e.Event.Sequence, e.Event.EventId, e.Position, Pending(target, e.StreamId, e.Event, now)))));
        }
        foreach (var e in ready)
        {
            S.Cursors.Set(e.Stream, new WebhookCaseCursor(e.Sequence, e.Position ?? S.Checkpoint));
            if (e.Event is { } item)
            {
                S.Pending.Set(item.Key, item);
            }
        }
        var checkpoint = _follower.HeldEvents == 0 ? Math.Max(S.Checkpoint, readUpTo) : S.Checkpoint;
        S.Checkpoint = checkpoint;
        var queued = ready.Where(e => e.Event is not null).Select(e => e.Stream).ToHashSet(StringComparer.Ordinal);
        foreach (var (number, cursor) in S.Cursors.Keys.Select(k => (k, S.Cursors[k])).ToArray())
        {
            // Past the overlap no page offers the case's old events again.
            if (cursor.Position <= checkpoint - Options.Overlap && !_queue.Holds(number) && !queued.Contains(number))
            {
                S.Cursors.Remove(number);
            }
        }
        await WriteAsync();
        foreach (var item in ready.Select(e => e.Event).OfType<WebhookPendingItem>())
        {
            _queue.Add(item.CaseNumber, item.Sequence, item.DueAt, item);
        }
        foreach (var item in rebuilt)
        {
            _queue.Reschedule(item.CaseNumber, item.Sequence, item.DueAt, item);
        }
    }

    /// <summary>The waiting deliveries of <paramref name="cases"/> with their bodies built again from the journal, which
    /// the GDPR erase rewrote before it recorded its event; set in the rows (stored by the caller's write).</summary>
    private async Task<List<WebhookPendingItem>> RebuildBodiesAsync(HashSet<string> cases)
    {
        var rebuilt = new List<WebhookPendingItem>();
        foreach (var group in S.Pending.Values.Where(item => cases.Contains(item.CaseNumber)).GroupBy(item => item.CaseNumber).ToList())
        {
            var (first, last) = (group.Min(item => item.Sequence), group.Max(item => item.Sequence));
            var stored = (await journal.ReadStreamAsync(CaseState.StreamType, group.Key, first - 1, (int)Math.Min(last - first + 1, Options.BatchSize)))
                .ToDictionary(e => e.Event.Sequence);
            foreach (var item in group)
            {
                if (stored.TryGetValue(item.Sequence, out var current) && current.Event.EventId == item.EventId)
                {
                    var again = item with { Body = WebhookPayload.Of(item.CaseNumber, current.Event) };
                    S.Pending.Set(again.Key, again);
                    rebuilt.Add(again);
                }
            }
        }
        return rebuilt;
    }

    public async Task SetTargetAsync(WebhookTarget target)
    {
        if (S.Target is { } current && current.Version >= target.Version)
        {
            return;
        }
        S.Target = target;
        await WriteAsync();
    }

    public Task<WebhookDeliveryPage> ReadLogAsync(string? after, int limit)
    {
        var entries = new List<WebhookDelivery>();
        var more = false;
        for (var n = S.OldestLogNumber; n < S.NextLogNumber; n++)
        {
            if (!S.Log.TryGetValue(LogKey(n), out var entry) || (after is not null && string.CompareOrdinal(entry.Id, after) <= 0))
            {
                continue;
            }
            if (entries.Count == limit)
            {
                more = true;
                break;
            }
            entries.Add(entry);
        }
        return Task.FromResult(new WebhookDeliveryPage([.. entries], more));
    }

    public async Task<WebhookDeadLetter?> RedeliverAsync(Guid eventId)
    {
        if (!S.Dead.TryGetValue(DeadKey(eventId), out var dead))
        {
            return null;
        }
        // The body is built again from the journal: an event a GDPR erase rewrote since it died goes out as it reads now.
        var stored = await journal.ReadStreamAsync(CaseState.StreamType, dead.CaseNumber, dead.Sequence - 1, 1);
        var body = stored is [{ } current] && current.Event.EventId == dead.EventId ? WebhookPayload.Of(dead.CaseNumber, current.Event) : dead.Body;
        var item = dead with { Body = body, Attempts = 0, DueAt = time.GetUtcNow() };
        S.Dead.Remove(DeadKey(eventId));
        S.Pending.Set(item.Key, item);
        await WriteAsync();
        _queue.Add(item.CaseNumber, item.Sequence, item.DueAt, item);
        logger.Redelivering(Key, eventId);
        await KeepDeliveringAsync();
        return new WebhookDeadLetter(item.EventId, item.CaseNumber, item.Sequence, item.EventType);
    }

    public async Task ClearAsync()
    {
        S.Pending.Clear();
        S.Cursors.Clear();
        S.Dead.Clear();
        S.Log.Clear();
        S.Started = false;
        S.Checkpoint = 0;
        S.Target = null;
        await WriteAsync();
        _queue.Clear();
        _follower = new(maxKnownStreams: 10_000);
        await KeepDeliveringAsync();
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminded = true;
        // The subscription may have been deleted while this queue's silo was away.
        if (S.Target is { } target && await GrainFactory.GetGrain<IWebhookTargetsGrain>(IWebhookSubscriptionsGrain.Key).GetTargetAsync(target.Id) is null)
        {
            await ClearAsync();
            return;
        }
        await KeepDeliveringAsync();
    }

    /// <summary>A timer while events wait, and a reminder to come back for them after a restart; neither otherwise.</summary>
    private async Task KeepDeliveringAsync()
    {
        if (_queue.Count > 0)
        {
            _timer ??= this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Options.PollInterval));
            if (!_reminded)
            {
                await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                _reminded = true;
            }
            return;
        }
        _timer?.Dispose();
        _timer = null;
        if (_reminded)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            _reminded = false;
        }
    }

    /// <summary>Sends the due heads of the queue at once and records how each went, in one write.</summary>
    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (S.Target is not { } target)
        {
            return;
        }
        var due = _queue.Due(time.GetUtcNow(), Options.MaxConcurrentDeliveries);
        if (due.Count == 0)
        {
            return;
        }
        var results = await Task.WhenAll(due.Select(item => sender.SendAsync(target, item, item.Attempts + 1)));
        try
        {
            var applied = new List<Action>();
            for (var i = 0; i < due.Count; i++)
            {
                applied.Add(Record(due[i], results[i]));
            }
            await WriteAsync();
            applied.ForEach(apply => apply());
            await KeepDeliveringAsync();
        }
        catch (Exception exception)
        {
            logger.DeliveryTurnFailed(exception, Key);
        }
    }

    /// <summary>Records an attempt in the rows; answers the change to the in-memory index, made once the rows are stored.</summary>
    private Action Record(WebhookPendingItem item, DeliveryResult result)
    {
        var attempts = item.Attempts + 1;
        WebhookDeliveryOutcome outcome;
        DateTimeOffset? next = null;
        Action index;
        if (result.Succeeded)
        {
            outcome = WebhookDeliveryOutcome.Delivered;
            S.Pending.Remove(item.Key);
            index = () => _queue.Remove(item.CaseNumber, item.Sequence);
        }
        else if (Schedule.IsExhausted(attempts))
        {
            outcome = WebhookDeliveryOutcome.DeadLettered;
            S.Pending.Remove(item.Key);
            S.Dead.Set(DeadKey(item.EventId), item with { Attempts = attempts });
            logger.DeadLettered(Key, item.EventId, item.CaseNumber, attempts, result.Error);
            index = () => _queue.Remove(item.CaseNumber, item.Sequence);
        }
        else
        {
            outcome = WebhookDeliveryOutcome.Failed;
            var retry = item with { Attempts = attempts, DueAt = result.FinishedAt + Schedule.Delay(attempts, Random.Shared.NextDouble()) };
            next = retry.DueAt;
            S.Pending.Set(item.Key, retry);
            index = () => _queue.Reschedule(item.CaseNumber, item.Sequence, retry.DueAt, retry);
        }
        AppendLog(new WebhookDelivery(LogId(result.FinishedAt), item.EventId, item.EventType, item.CaseNumber, item.Sequence,
            attempts, outcome, result.StatusCode, result.Error, result.StartedAt, result.FinishedAt, next));
        return index;
    }

    private void AppendLog(WebhookDelivery entry)
    {
        S.Log.Set(LogKey(S.NextLogNumber++), entry);
        while (S.NextLogNumber - S.OldestLogNumber > Options.LogLength)
        {
            S.Log.Remove(LogKey(S.OldestLogNumber++));
        }
    }

    /// <summary>Sortable across the subscription's queues: the attempt's end, then the partition and the entry number.</summary>
    private string LogId(DateTimeOffset finishedAt) => string.Create(CultureInfo.InvariantCulture,
        $"{finishedAt.UtcTicks:D19}-{WebhookKeys.PartitionOf(Key):D2}-{S.NextLogNumber:D12}");

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory may now be ahead of storage: start again from what is stored.
            DeactivateOnIdle();
            throw;
        }
    }

    private static WebhookPendingItem? Pending(WebhookTarget target, string caseNumber, JournalEvent e, DateTimeOffset now) =>
        target.Wants(e.Kind) ? new WebhookPendingItem(e.EventId, caseNumber, e.Sequence, e.Kind, WebhookPayload.Of(caseNumber, e), 0, now) : null;

    private static string LogKey(long number) => number.ToString("D12", CultureInfo.InvariantCulture);

    private static string DeadKey(Guid eventId) => eventId.ToString("N");
}
