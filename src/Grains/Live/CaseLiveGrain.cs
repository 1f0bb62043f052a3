using System.Collections.Immutable;
using AfterSales.CaseList;
using AfterSales.Domain.Live;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Orleans.Utilities;

namespace AfterSales.Live;

/// <summary>
/// Follows one partition of the case-event stream (implicitly subscribed, beside the case list's consumer) and pushes
/// the changes to the API processes subscribed for live views, gathered for <see cref="BatchDelay"/> so a burst of
/// writes costs each process one message. With nobody subscribed it drops the events at once.
/// </summary>
/// <remarks>Live views are a convenience on top of the durable reads: a change lost here (a silo died, a process was
/// between subscriptions) shows on the next change or the next reload; nothing is stored.</remarks>
[ImplicitStreamSubscription(CaseFeedNames.Namespace)]
internal sealed class CaseLiveGrain(ILogger<CaseLiveGrain> logger)
    : Grain, ICaseLiveGrain, IAsyncObserver<CaseFeedItem>, IStreamSubscriptionObserver
{
    /// <summary>How long changes are gathered before they are sent: well under the second a board should take.</summary>
    internal static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>A subscription not renewed for this long lapses (the API renews every 30 s).</summary>
    internal static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<ICaseLiveObserver> _observers = new(SubscriptionExpiry, logger);
    private readonly CaseChanges _changes = new();
    private List<CaseChange> _pending = [];
    private IGrainTimer? _flush;

    public Task SubscribeAsync(ICaseLiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ICaseLiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<CaseFeedItem>().ResumeAsync(this);

    public Task OnNextAsync(CaseFeedItem item, StreamSequenceToken? token = null)
    {
        // The placements are kept even with nobody watching, so a move is still told once somebody is.
        if (_changes.Of(item.CaseNumber, item.Events) is not { } change || _observers.Count == 0)
        {
            return Task.CompletedTask;
        }
        _pending.Add(change);
        _flush ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(BatchDelay, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    private Task FlushAsync(CancellationToken cancellation)
    {
        _flush?.Dispose();
        _flush = null;
        var batch = _pending.ToImmutableArray();
        _pending = [];
        if (!batch.IsEmpty)
        {
            // One-way calls: a slow or gone process does not hold up this partition.
            _observers.Notify(observer => observer.OnCaseChangesAsync(batch));
        }
        return Task.CompletedTask;
    }
}
