using System.Collections.Immutable;
using AfterSales.Domain.CaseList;
using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AfterSales.CaseList;

/// <summary>Publishes to the partition of the case-event stream the case belongs to, without making the case wait
/// for it (the enqueue is one call to a stream queue; a failure is logged and left to the catch-up).</summary>
internal sealed class StreamCaseFeed(IServiceProvider services, ILogger<StreamCaseFeed> logger) : ICaseFeed
{
    private IStreamProvider? Provider => field ??= services.GetKeyedService<IStreamProvider>(CaseFeedNames.Provider);

    public void Publish(string caseNumber, ImmutableArray<JournalEvent> events)
    {
        if (events.IsDefaultOrEmpty || Provider is not { } provider)
        {
            return;
        }
        var partition = FeedPartitions.Key(FeedPartitions.Of(caseNumber));
        var stream = provider.GetStream<CaseFeedItem>(StreamId.Create(CaseFeedNames.Namespace, partition));
        _ = PublishAsync(stream, new CaseFeedItem(caseNumber, events));
    }

    private async Task PublishAsync(IAsyncStream<CaseFeedItem> stream, CaseFeedItem item)
    {
        try
        {
            await stream.OnNextAsync(item);
        }
        catch (Exception exception)
        {
            logger.PublishFailed(exception, item.CaseNumber, item.Events[^1].Sequence);
        }
    }
}
