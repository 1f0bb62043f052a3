using AfterSales.Common;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Routing;

/// <summary>
/// The silo's copy of the routing policy, so routing never calls the policy grain per case. A read returns the
/// copy while it is younger than <see cref="RoutingOptions.PolicyRefreshInterval"/>; the first read after that
/// fetches the policy once for every waiting reader (and keeps the old copy if the fetch fails). A change made
/// through the policy grain reaches the grain's own silo at once (<see cref="Observe"/>); other silos see it
/// within one refresh interval — the staleness bound.
/// </summary>
internal sealed class RoutingPolicyCache(
    IGrainFactory grains,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<RoutingPolicyCache> logger)
{
    private readonly Lock _gate = new();
    private RoutingPolicy? _policy;
    private DateTimeOffset _fetchedAt;
    private Task<RoutingPolicy>? _fetching;

    public ValueTask<RoutingPolicy> GetAsync()
    {
        var policy = Volatile.Read(ref _policy);
        if (policy is not null && time.GetUtcNow() - _fetchedAt < options.Value.PolicyRefreshInterval)
        {
            return ValueTask.FromResult(policy);
        }
        return new ValueTask<RoutingPolicy>(RefreshOrKeepAsync(policy));
    }

    /// <summary>Fetches the policy now (also used by tests after changing it on another silo).</summary>
    public Task<RoutingPolicy> RefreshAsync()
    {
        lock (_gate)
        {
            if (_fetching is { } joined)
            {
                return joined;
            }
            var fetching = FetchAsync();
            // A fetch answered before its first await ran to its end right here (the lock is reentrant) and cleared
            // _fetching already: storing it now would hand its answer to every later refresh, for good.
            if (!fetching.IsCompleted)
            {
                _fetching = fetching;
            }
            return fetching;
        }
    }

    /// <summary>Takes a policy seen elsewhere (the policy grain after a change) unless the copy is newer.</summary>
    public void Observe(RoutingPolicy policy)
    {
        lock (_gate)
        {
            if (_policy is null || policy.Version >= _policy.Version)
            {
                Volatile.Write(ref _policy, policy);
                _fetchedAt = time.GetUtcNow();
            }
        }
    }

    private async Task<RoutingPolicy> RefreshOrKeepAsync(RoutingPolicy? current)
    {
        if (current is null)
        {
            return await RefreshAsync();
        }
        try
        {
            return await RefreshAsync();
        }
        catch (Exception exception)
        {
            // A stale policy routes better than none; the next read after another interval tries again.
            logger.PolicyRefreshFailed(exception, current.Version);
            lock (_gate)
            {
                _fetchedAt = time.GetUtcNow();
            }
            return current;
        }
    }

    private async Task<RoutingPolicy> FetchAsync()
    {
        try
        {
            var fetched = await grains.GetGrain<IRoutingPolicyGrain>(GrainKeys.RoutingPolicy).GetAsync();
            Observe(fetched);
            return Volatile.Read(ref _policy)!;
        }
        finally
        {
            lock (_gate)
            {
                _fetching = null;
            }
        }
    }
}
