using AfterSales.CaseList;
using AfterSales.Domain.CaseList;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Streams;

namespace AfterSales.Hosting;

/// <summary>Adds the case-event stream and wakes its consumers when the silo starts.</summary>
public static class CaseFeedSiloExtensions
{
    /// <summary>Memory streams named <see cref="CaseFeedNames.Provider"/> with implicit subscriptions only (the consumers
    /// are the partition grains; no pub-sub store is needed), and a start-up task that activates the 16 partition
    /// consumers and their catch-up reader, so they catch up from the journal even when no case changes. The host
    /// registers the list's <see cref="ICaseListStore"/>.</summary>
    public static ISiloBuilder AddCaseFeed(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(CaseFeedNames.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        silo.AddStartupTask(static async (services, _) =>
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            for (var p = 0; p < FeedPartitions.Count; p++)
            {
                await grains.GetGrain<ICaseFeedGrain>(FeedPartitions.Key(p)).WakeAsync();
            }
            await grains.GetGrain<ICaseFeedReaderGrain>(ICaseFeedReaderGrain.Key).WakeAsync();
        });
        return silo;
    }
}
