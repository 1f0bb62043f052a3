using System.Collections.Immutable;
using System.Diagnostics;
using AfterSales.Cases;
using AfterSales.Domain.CaseList;
using AfterSales.Hosting;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace AfterSales.CaseList;

/// <summary>
/// Follows one partition of the case events into the case list: live from the stream (implicitly subscribed), and
/// from the journal past its checkpoint in pages the catch-up reader (<see cref="CaseFeedReaderGrain"/>) reads once
/// for all partitions. Each case's events are applied in sequence order exactly once
/// (<see cref="EventFollower{TEvent}"/>); a gap is filled from the case's own stream in the journal.
/// </summary>
/// <remarks>Non-reentrant: live events, catch-up pages and a reset take turns, so the follower, the row cache and the
/// checkpoint are only ever touched by one of them. The checkpoint is stored with the rows it covers, in one
/// transaction. The rows it last wrote are kept (<see cref="CaseListRowCache"/>), so a live event of a recent case
/// needs no read of the store. Its reminder brings the reader back after the reader's silo died.</remarks>
[ImplicitStreamSubscription(CaseFeedNames.Namespace)]
internal sealed class CaseFeedGrain(
    ICaseListStore store,
    IEventLog journal,
    IOptions<CaseFeedOptions> options,
    ILogger<CaseFeedGrain> logger)
    : Grain, ICaseFeedGrain, IAsyncObserver<CaseFeedItem>, IStreamSubscriptionObserver, IRemindable
{
    private const string ReminderName = "catch-up";

    private EventFollower<JournalEvent> _follower = new();
    private CaseListRowCache _rows = new();
    private List<Followed<JournalEvent>> _live = [];
    private IGrainTimer? _liveFlush;
    private int _partition;
    private long _checkpoint;

    private string Key => this.GetPrimaryKeyString();

    private CaseFeedOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!FeedPartitions.TryParseKey(Key, out _partition))
        {
            throw new InvalidOperationException($"'{Key}' is not a case-feed partition.");
        }
        _checkpoint = await store.ReadCheckpointAsync(_partition, cancellationToken);
        // Brings the consumer and the reader back if their silo died and no live event arrives to activate them elsewhere.
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        await GrainFactory.GetGrain<ICaseFeedReaderGrain>(ICaseFeedReaderGrain.Key).WakeAsync();
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<CaseFeedItem>().ResumeAsync(this);

    public Task OnNextAsync(CaseFeedItem item, StreamSequenceToken? token = null)
    {
        var events = item.Events.Select(e => new Followed<JournalEvent>(item.CaseNumber, e.Sequence, e.EventId, null, e));
        if (Options.LiveBatchDelay <= TimeSpan.Zero)
        {
            return ApplyAsync([.. events], readUpTo: null);
        }
        // Gathered and applied together shortly after: a timer (not interleaving) applies them in this grain's turn.
        _live.AddRange(events);
        _liveFlush ??= this.RegisterGrainTimer(FlushLiveAsync, new GrainTimerCreationOptions(Options.LiveBatchDelay, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushLiveAsync(cancellationToken);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        GrainFactory.GetGrain<ICaseFeedReaderGrain>(ICaseFeedReaderGrain.Key).WakeAsync();

    public Task WakeAsync() => Task.CompletedTask;

    public async Task<long> CatchUpAsync()
    {
        await FlushLiveAsync(CancellationToken.None);
        var turn = Stopwatch.StartNew();
        while (turn.Elapsed < Options.MaxCatchUpTurn)
        {
            var page = await journal.ReadAllAsync(Math.Max(0, _checkpoint - Options.Overlap), Options.BatchSize);
            if (page.Count == 0 || page[^1].Position <= _checkpoint)
            {
                break;
            }
            var mine = page
                .Where(e => e.StreamType == CaseState.StreamType && FeedPartitions.Of(e.StreamId) == _partition)
                .Select(e => new Followed<JournalEvent>(e.StreamId, e.Event.Sequence, e.Event.EventId, e.Position, e.Event))
                .ToList();
            await ApplyAsync(mine, page[^1].Position);
            if (page.Count < Options.BatchSize)
            {
                break;
            }
        }
        return _checkpoint;
    }

    public async Task<long> ApplyPageAsync(ImmutableArray<CatchUpEvent> events, long readUpTo)
    {
        await FlushLiveAsync(CancellationToken.None);
        try
        {
            await ApplyAsync([.. events.Select(e => new Followed<JournalEvent>(e.CaseNumber, e.Event.Sequence, e.Event.EventId, e.Position, e.Event))], readUpTo);
        }
        catch (Exception exception)
        {
            // The reader offers the page again from the stored checkpoint.
            logger.ApplyFailed(exception, Key, _checkpoint);
        }
        return _checkpoint;
    }

    public Task<long> GetCheckpointAsync() => Task.FromResult(_checkpoint);

    public async Task ResetAsync()
    {
        // Gathered live events are replayed from the journal with the rest.
        _live = [];
        logger.PartitionReset(Key);
        await store.ResetAsync(_partition);
        _follower = new();
        _rows = new();
        _checkpoint = 0;
    }

    /// <summary>Applies the gathered live events; a failure is logged and left to the catch-up (the journal has them).</summary>
    private async Task FlushLiveAsync(CancellationToken cancellationToken)
    {
        _liveFlush?.Dispose();
        _liveFlush = null;
        if (_live.Count == 0)
        {
            return;
        }
        var batch = _live;
        _live = [];
        try
        {
            await ApplyAsync(batch, readUpTo: null);
        }
        catch (Exception exception)
        {
            logger.ApplyFailed(exception, Key, _checkpoint);
        }
    }

    /// <summary>Applies what the follower lets through, fills gaps from the journal, and stores the rows (with the
    /// checkpoint <paramref name="readUpTo"/> when nothing is held back).</summary>
    private async Task ApplyAsync(List<Followed<JournalEvent>> events, long? readUpTo)
    {
        try
        {
            var numbers = events.Select(e => e.Stream).Distinct(StringComparer.Ordinal).ToArray();
            var stored = await RowsAsync(numbers);
            foreach (var number in _follower.Unknown(events))
            {
                _follower.Know(number, stored.TryGetValue(number, out var row) ? row.LastSequence : 0);
            }
            var ready = new List<Followed<JournalEvent>>(_follower.Accept(events));
            foreach (var gap in _follower.Gaps())
            {
                var missing = await journal.ReadStreamAsync(CaseState.StreamType, gap.Stream, gap.AfterSequence,
                    (int)Math.Min(Options.BatchSize, gap.BeforeSequence - gap.AfterSequence - 1));
                logger.GapFilled(Key, missing.Count, gap.Stream);
                ready.AddRange(_follower.Accept(missing.Select(e => new Followed<JournalEvent>(e.StreamId, e.Event.Sequence, e.Event.EventId, null, e.Event))));
            }
            // A gap may belong to a case held back by an earlier delivery, whose row was not read above.
            var unread = ready.Select(e => e.Stream).Distinct(StringComparer.Ordinal).Where(n => !numbers.Contains(n, StringComparer.Ordinal)).ToArray();
            if (unread.Length > 0)
            {
                foreach (var (number, row) in await RowsAsync(unread))
                {
                    stored[number] = row;
                }
            }
            var checkpoint = readUpTo is { } position && _follower.HeldEvents == 0 && position > _checkpoint ? position : (long?)null;
            if (ready.Count == 0 && checkpoint is null)
            {
                return;
            }
            var changes = Reduce(ready, stored);
            await store.SaveAsync(_partition, changes, checkpoint);
            _checkpoint = checkpoint ?? _checkpoint;
            foreach (var change in changes)
            {
                _rows.Put(change.Row);
            }
        }
        catch
        {
            // Its caches may now be ahead of storage: start again from what is stored.
            _follower = new();
            _rows = new();
            throw;
        }
    }

    /// <summary>The stored rows of <paramref name="numbers"/>: those this consumer last wrote from memory, the rest read.</summary>
    private async Task<Dictionary<string, CaseListRow>> RowsAsync(IReadOnlyCollection<string> numbers)
    {
        var rows = new Dictionary<string, CaseListRow>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var number in numbers)
        {
            if (_rows.TryGet(number, out var row))
            {
                rows[number] = row;
            }
            else
            {
                missing.Add(number);
            }
        }
        if (missing.Count > 0)
        {
            foreach (var (number, row) in await store.ReadRowsAsync(missing))
            {
                rows[number] = row;
            }
        }
        return rows;
    }

    private static List<CaseListChange> Reduce(List<Followed<JournalEvent>> ready, IReadOnlyDictionary<string, CaseListRow> stored)
    {
        var rows = new Dictionary<string, CaseListRow>(StringComparer.Ordinal);
        foreach (var e in ready)
        {
            var current = rows.GetValueOrDefault(e.Stream) ?? stored.GetValueOrDefault(e.Stream);
            rows[e.Stream] = CaseListReducer.Apply(current, e.Stream, e.Sequence, e.Event.At, e.Event.Kind, e.Event.Data);
        }
        return [.. rows.Values.Select(row => new CaseListChange(row,
            stored.GetValueOrDefault(row.Number) is not { } before || before.Subject != row.Subject || before.Description != row.Description))];
    }
}
