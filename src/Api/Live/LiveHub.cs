using System.Collections.Concurrent;
using System.Collections.Immutable;
using AfterSales.Domain.CaseList;
using AfterSales.Live;

namespace AfterSales.Api.Live;

/// <summary>
/// This process's one subscriber to the live case changes: while any live view is open it keeps itself subscribed to
/// the 16 partitions' <see cref="ICaseLiveGrain"/>s (renewed every 30 s, so a partition that moved to another silo
/// learns of it again) and hands each change to the open views that want it. With no view open it subscribes nowhere.
/// </summary>
internal sealed class LiveHub(IGrainFactory grains, TimeProvider time, ILogger<LiveHub> logger) : BackgroundService, ICaseLiveObserver
{
    /// <summary>How often the subscriptions are renewed; the partitions let one lapse after 2 minutes.</summary>
    internal static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<LiveSubscription, byte> _views = new();
    private readonly Lock _gate = new();
    private ICaseLiveObserver? _reference;
    private Task? _subscribed;
    private DateTimeOffset _subscribedAt;

    public int OpenViews => _views.Count;

    /// <summary>Opens a view that receives the changes <paramref name="wants"/> accepts; dispose it to close.</summary>
    public LiveSubscription Open(Func<CaseChange, bool> wants)
    {
        var view = new LiveSubscription(this, wants);
        _views.TryAdd(view, 0);
        return view;
    }

    internal void Close(LiveSubscription view) => _views.TryRemove(view, out _);

    /// <summary>Completes once every partition has this process subscribed (renewing if the last round is old).</summary>
    public Task EnsureSubscribedAsync()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_subscribed is null || _subscribed.IsFaulted || _subscribed.IsCanceled || now - _subscribedAt >= Renewal)
            {
                _subscribedAt = now;
                _subscribed = SubscribeAllAsync();
            }
            return _subscribed;
        }
    }

    public Task OnCaseChangesAsync(ImmutableArray<CaseChange> changes)
    {
        foreach (var view in _views.Keys)
        {
            foreach (var change in changes)
            {
                view.Offer(change);
            }
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (_views.IsEmpty)
            {
                continue;
            }
            try
            {
                await EnsureSubscribedAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.RenewalFailed(exception, _views.Count);
            }
        }
    }

    private async Task SubscribeAllAsync()
    {
        _reference ??= grains.CreateObjectReference<ICaseLiveObserver>(this);
        var partitions = Enumerable.Range(0, FeedPartitions.Count)
            .Select(p => grains.GetGrain<ICaseLiveGrain>(FeedPartitions.Key(p)).SubscribeAsync(_reference));
        await Task.WhenAll(partitions);
    }
}
