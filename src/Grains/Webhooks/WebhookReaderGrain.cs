using System.Collections.Immutable;
using System.Diagnostics;
using AfterSales.Cases;
using AfterSales.CaseList;
using AfterSales.Domain.CaseList;
using AfterSales.Hosting;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Webhooks;

/// <summary>
/// Feeds the webhook queues from the journal, as the case list's reader feeds its partitions: on a timer it reads each
/// page of the journal once — from the lowest queue checkpoint less the overlap — and hands every subscription ×
/// partition queue its partition's events of the page with the page's end. The journal is the outbox: an event is
/// there with the case's state change, in the same transaction, so nothing a case committed can be missed.
/// </summary>
/// <remarks>Not on any request's path. It keeps the queues' checkpoints in memory (asked when it first sees a queue,
/// then taken from their answers); the queues own them durably. With no subscription it reads nothing. The
/// subscriptions grain's one-minute reminder wakes it again after its silo died.</remarks>
internal sealed class WebhookReaderGrain(IEventLog journal, IOptions<WebhookOptions> options, ILogger<WebhookReaderGrain> logger)
    : Grain, IWebhookReaderGrain
{
    private static readonly TimeSpan MaxTurn = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, long> _checkpoints = new(StringComparer.Ordinal);

    private WebhookOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Options.PollInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task WakeAsync() => Task.CompletedTask;

    public async Task RefreshAsync()
    {
        _checkpoints.Clear();
        await FeedAsync();
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FeedAsync();
        }
        catch (Exception exception)
        {
            // The next tick asks the queues again.
            logger.ReaderFailed(exception, _checkpoints.Count == 0 ? 0 : _checkpoints.Values.Min());
            _checkpoints.Clear();
        }
    }

    private async Task FeedAsync()
    {
        var targets = await GrainFactory.GetGrain<IWebhookTargetsGrain>(IWebhookSubscriptionsGrain.Key).GetTargetsAsync();
        var queues = targets
            .SelectMany(t => Enumerable.Range(0, FeedPartitions.Count).Select(p => (Key: WebhookKeys.Queue(t.Id, p), Target: t, Partition: p)))
            .ToList();
        var live = queues.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _checkpoints.Keys.Where(k => !live.Contains(k)).ToArray())
        {
            _checkpoints.Remove(gone);
        }
        if (queues.Count == 0)
        {
            return;
        }
        await Task.WhenAll(queues.Where(q => !_checkpoints.ContainsKey(q.Key)).Select(async q =>
            _checkpoints[q.Key] = await Queue(q.Key).GetCheckpointAsync(q.Target.StartPosition)));
        var turn = Stopwatch.StartNew();
        while (turn.Elapsed < MaxTurn)
        {
            var lowest = _checkpoints.Values.Min();
            var page = await journal.ReadAllAsync(Math.Max(0, lowest - Options.Overlap), Options.BatchSize);
            if (page.Count == 0 || page[^1].Position <= lowest)
            {
                break;
            }
            var upTo = page[^1].Position;
            var byPartition = CaseEventPages.ByPartition(page);
            await Task.WhenAll(queues.Where(q => _checkpoints[q.Key] < upTo).Select(async q =>
            {
                // Events at or below the queue's checkpoint less the overlap were taken already.
                var floor = _checkpoints[q.Key] - Options.Overlap;
                var events = byPartition.TryGetValue(q.Partition, out var mine) ? [.. mine.Where(e => e.Position > floor)] : ImmutableArray<CatchUpEvent>.Empty;
                _checkpoints[q.Key] = await Queue(q.Key).OfferAsync(q.Target, events, upTo);
            }));
            if (page.Count < Options.BatchSize || _checkpoints.Values.Min() < upTo)
            {
                // The head is reached, or a queue is full or holds events back: the next tick goes on.
                break;
            }
        }
    }

    private IWebhookQueueGrain Queue(string key) => GrainFactory.GetGrain<IWebhookQueueGrain>(key);
}
