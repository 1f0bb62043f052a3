using System.Reflection;
using AfterSales.Cases;
using AfterSales.Silo.Hosting;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace AfterSales.Tests.Api;

/// <summary>The cached interface types answer exactly what Orleans' own providers answer, and are asked first.</summary>
[Collection(ApiCollection.Name)]
public sealed class GrainInterfaceTypeCacheTests(ApiApplication app)
{
    [Fact]
    public void TheCacheIsTheFirstProviderTheResolverAsks()
    {
        var providers = app.Services.GetServices<IGrainInterfaceTypeProvider>().ToList();

        Assert.IsType<CachedGrainInterfaceTypes>(providers[0]);
        Assert.Single(providers.OfType<CachedGrainInterfaceTypes>());
    }

    [Fact]
    public void EveryGrainInterfaceGetsTheTypeOrleansWouldGiveIt()
    {
        var cache = app.Services.GetServices<IGrainInterfaceTypeProvider>().OfType<CachedGrainInterfaceTypes>().Single();
        var interfaces = typeof(ICaseGrain).Assembly.GetTypes()
            .Where(type => type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && !type.ContainsGenericParameters)
            .ToList();
        Assert.True(interfaces.Count > 20, $"only {interfaces.Count} grain interfaces found");

        foreach (var type in interfaces)
        {
            var expected = cache.Resolver.GetGrainInterfaceType(type);
            Assert.True(cache.TryGetGrainInterfaceType(type, out var first), type.Name);
            Assert.True(cache.TryGetGrainInterfaceType(type, out var second), type.Name);
            Assert.Equal(expected, first);
            Assert.Equal(first, second);
        }
        Assert.False(cache.TryGetGrainInterfaceType(typeof(string), out _));
    }

    [Fact]
    public void AReferenceMadeThroughTheCacheCallsTheSameGrain()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var reference = grains.GetGrain<ICaseGrain>("CS-CACHE-1");

        Assert.Equal(GrainId.Create("case", "CS-CACHE-1"), reference.GetGrainId());
    }
}
