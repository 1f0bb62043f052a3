using System.Diagnostics.Metrics;
using AfterSales.CaseList;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Diagnostics;

/// <summary>The case feed's consumer lag for its gauge: how many journal events the case list has not confirmed yet,
/// read from the list's store (<see cref="ICaseListStore.ReadProgressAsync"/>: one query for the lowest partition
/// checkpoint and the journal head). Only a silo has the store; a client process reports nothing.</summary>
/// <remarks>A gauge callback must not block, so it answers the last value read and, when that is older than
/// <see cref="RefreshInterval"/>, starts one read in the background: the value a scrape sees is at most one scrape
/// interval (or the refresh interval) old, and nobody scraping costs no query at all.</remarks>
internal sealed partial class CaseFeedLag(IServiceProvider services, ILogger<CaseFeedLag> logger)
{
    /// <summary>The least time between two reads of the store. 5 seconds.</summary>
    internal TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    // Not caching a failure: a store that could not be made now (its folder gone with a stopping host) is asked for again.
    private readonly Lazy<ICaseListStore?> _store = new(services.GetService<ICaseListStore>, LazyThreadSafetyMode.PublicationOnly);
    private long _lag = -1;
    private long _readAtMs = -1; // never
    private int _reading;

    /// <summary>The read in flight, if any (tests await it).</summary>
    internal Task Pending { get; private set; } = Task.CompletedTask;

    /// <summary>The gauge's callback for every host of the process: one measurement, the largest lag any of them last
    /// read (nothing before a first read completes). Hosts of one process that share a database read the same lag;
    /// hosts on different databases (tests) would otherwise send untagged measurements of which an exporter keeps only
    /// the last, and the worst lag is the one an alert must see.</summary>
    public static IEnumerable<Measurement<long>> Observe(IEnumerable<CaseFeedLag> hosts) =>
        hosts.Select(host => host.Current()).Max() is { } worst ? [new Measurement<long>(worst)] : [];

    /// <summary>The last lag read (null before the first read completes, or without a store); starts a read in the
    /// background when the last one is older than <see cref="RefreshInterval"/>.</summary>
    internal long? Current()
    {
        if (Store() is not { } store)
        {
            return null;
        }
        // Monotonic milliseconds: the refresh interval is about load on the store, not about business time.
        var readAt = Volatile.Read(ref _readAtMs);
        if ((readAt < 0 || Environment.TickCount64 - readAt >= RefreshInterval.TotalMilliseconds)
            && Interlocked.Exchange(ref _reading, 1) == 0)
        {
            Pending = ReadAsync(store);
        }
        var lag = Volatile.Read(ref _lag);
        return lag < 0 ? null : lag;
    }

    /// <summary>The store, or null without one, once the host's services are disposed, or while it cannot be made.</summary>
    /// <remarks>The gauge is static and reads every host of the process: a host stopping (its container disposed, or its
    /// data folder already gone, before it leaves the gauge's list) must answer nothing, not throw — a throwing callback
    /// fails the whole collection, every other instrument's values with it (<c>MeterListener.RecordObservableInstruments</c>
    /// throws once all were read).</remarks>
    private ICaseListStore? Store()
    {
        try
        {
            return _store.Value;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        catch (Exception exception)
        {
            LogStoreUnavailable(logger, exception);
            return null;
        }
    }

    private async Task ReadAsync(ICaseListStore store)
    {
        try
        {
            var progress = await store.ReadProgressAsync();
            Volatile.Write(ref _lag, progress.Lag);
            Volatile.Write(ref _readAtMs, Environment.TickCount64);
        }
        catch (Exception exception)
        {
            // The gauge keeps its last value; the next scrape tries again.
            LogReadFailed(logger, exception);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    [LoggerMessage(EventId = 9920, Level = LogLevel.Warning, Message = "Case feed lag: reading the case list's progress failed; the gauge keeps its last value")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9922, Level = LogLevel.Debug, Message = "Case feed lag: the case list's store cannot be made (a host stopping); the gauge reports nothing")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);
}
