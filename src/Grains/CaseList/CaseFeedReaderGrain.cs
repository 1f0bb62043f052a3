using System.Collections.Immutable;
using System.Diagnostics;
using AfterSales.Cases;
using AfterSales.Domain.CaseList;
using AfterSales.Hosting;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.CaseList;

/// <summary>
/// Catches the case feed's partitions up from the journal: on a timer, reads each page of the journal once — from the
/// lowest partition checkpoint less the overlap — and hands every partition its own cases' events of that page with
/// the page's end, one call per partition. Sixteen consumers each reading every event cost sixteen reads of the
/// journal per event; this costs one.
/// </summary>
/// <remarks>Not on any request's path: it only makes up for live events that were lost and moves the checkpoints a
/// restart resumes from. It keeps the partitions' checkpoints in memory (asked at activation, then taken from their
/// answers); the partitions own them durably. The partitions' reminders wake it again if its silo died.</remarks>
internal sealed class CaseFeedReaderGrain(IEventLog journal, IOptions<CaseFeedOptions> options, ILogger<CaseFeedReaderGrain> logger)
    : Grain, ICaseFeedReaderGrain
{
    private readonly long[] _checkpoints = new long[FeedPartitions.Count];

    private CaseFeedOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReadCheckpointsAsync();
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Options.CatchUpInterval) { KeepAlive = true });
    }

    public Task WakeAsync() => Task.CompletedTask;

    public async Task RefreshAsync()
    {
        await ReadCheckpointsAsync();
        await CatchUpAsync();
    }

    private async Task ReadCheckpointsAsync()
    {
        var checkpoints = await Task.WhenAll(Enumerable.Range(0, FeedPartitions.Count).Select(p => Partition(p).GetCheckpointAsync()));
        checkpoints.CopyTo(_checkpoints, 0);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CatchUpAsync();
        }
        catch (Exception exception)
        {
            // The next tick reads again from the partitions' checkpoints.
            logger.ReaderFailed(exception, _checkpoints.Min());
        }
    }

    private async Task CatchUpAsync()
    {
        var turn = Stopwatch.StartNew();
        while (turn.Elapsed < Options.MaxCatchUpTurn)
        {
            var from = Math.Max(0, _checkpoints.Min() - Options.Overlap);
            var page = await journal.ReadAllAsync(from, Options.BatchSize);
            if (page.Count == 0 || page[^1].Position <= _checkpoints.Min())
            {
                break;
            }
            var upTo = page[^1].Position;
            var byPartition = CaseEventPages.ByPartition(page);
            await Task.WhenAll(Enumerable.Range(0, FeedPartitions.Count)
                .Where(p => _checkpoints[p] < upTo)
                .Select(async p =>
                {
                    // Events at or below the partition's checkpoint less the overlap are applied already.
                    var floor = _checkpoints[p] - Options.Overlap;
                    var events = byPartition.TryGetValue(p, out var mine) ? [.. mine.Where(e => e.Position > floor)] : ImmutableArray<CatchUpEvent>.Empty;
                    _checkpoints[p] = await Partition(p).ApplyPageAsync(events, upTo);
                }));
            if (page.Count < Options.BatchSize || _checkpoints.Min() < upTo)
            {
                // The head is reached, or a partition holds events back (a gap): the next tick goes on.
                break;
            }
        }
    }

    private ICaseFeedGrain Partition(int partition) => GrainFactory.GetGrain<ICaseFeedGrain>(FeedPartitions.Key(partition));
}
