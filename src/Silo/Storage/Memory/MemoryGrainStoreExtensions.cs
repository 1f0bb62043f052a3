using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace AfterSales.Silo.Storage.Memory;

/// <summary>Registers a <see cref="MemoryGrainStore"/> as a named grain-storage provider and as the silo's
/// <see cref="IEventLog"/>.</summary>
public static class MemoryGrainStoreExtensions
{
    /// <summary>Adds memory storage named <paramref name="name"/> over <paramref name="data"/>; pass the same data to
    /// every silo of an in-process cluster.</summary>
    public static ISiloBuilder AddMemoryGrainStore(this ISiloBuilder builder, string name, MemoryGrainData data)
    {
        builder.Services.AddSingleton(provider => new MemoryGrainStore(data, provider.GetRequiredService<Serializer>()));
        builder.Services.AddSingleton<IEventLog>(provider => provider.GetRequiredService<MemoryGrainStore>());
        builder.Services.AddGrainStorage(name, static (provider, _) => provider.GetRequiredService<MemoryGrainStore>());
        return builder;
    }
}
