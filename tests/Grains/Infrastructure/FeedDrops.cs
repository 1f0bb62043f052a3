using System.Collections.Concurrent;
using System.Collections.Immutable;
using AfterSales.CaseList;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Case-event publishes a test wants lost: every publish of a listed case is dropped (and counted), as if
/// the stream queue had failed after the case's write was durable.</summary>
public sealed class FeedDrops
{
    private readonly ConcurrentDictionary<string, int> _dropped = new(StringComparer.Ordinal);

    public void Drop(string caseNumber) => _dropped.TryAdd(caseNumber, 0);

    public void Deliver(string caseNumber) => _dropped.TryRemove(caseNumber, out _);

    /// <summary>How many publishes of <paramref name="caseNumber"/> were dropped.</summary>
    public int Dropped(string caseNumber) => _dropped.GetValueOrDefault(caseNumber);

    internal bool TryDrop(string caseNumber)
    {
        while (_dropped.TryGetValue(caseNumber, out var count))
        {
            if (_dropped.TryUpdate(caseNumber, count + 1, count))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The production publisher, except for the cases <see cref="FeedDrops"/> lists.</summary>
internal sealed class DroppingCaseFeed(IServiceProvider services, FeedDrops drops, ILogger<StreamCaseFeed> logger) : ICaseFeed
{
    private readonly StreamCaseFeed _inner = new(services, logger);

    public void Publish(string caseNumber, ImmutableArray<JournalEvent> events)
    {
        if (!drops.TryDrop(caseNumber))
        {
            _inner.Publish(caseNumber, events);
        }
    }
}
