using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace AfterSales.Silo.Storage.Memory;

/// <summary>Registers a <see cref="MemoryGrainStore"/> as a named grain-storage provider and as the silo's
/// <see cref="IEventLog"/>.</summary>
public static class MemoryGrainStoreExtensions
{
    /// <summary>Adds memory storage named <paramref name="name"/> over <paramref name="data"/>; pass the same data to
    /// every silo of an in-process cluster.</summary>
    public static ISiloBuilder AddMemoryGrainStore(this ISiloBuilder builder, string name, MemoryGrainData data)
    {
        // The Orleans binary serializer, whatever the silo configured: row items are serialized as object and need their
        // type to travel with them (as in the durable hosts, which register the same serializer).
        builder.Services.AddSingleton(provider => new MemoryGrainStore(
            data, new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()), name,
            provider.GetRequiredService<ILogger<MemoryGrainStore>>()));
        builder.Services.AddSingleton<IEventLog>(provider => provider.GetRequiredService<MemoryGrainStore>());
        builder.Services.AddGrainStorage(name, static (provider, _) => provider.GetRequiredService<MemoryGrainStore>());
        return builder;
    }
}
