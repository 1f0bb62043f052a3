using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;
using Orleans.Serialization.TypeSystem;

namespace AfterSales.Silo.Hosting;

/// <summary>Answers, for a grain interface, the interface type Orleans' own providers would give, computed once.</summary>
/// <remarks>Orleans resolves the interface type on every <c>GetGrain</c> call: a scan of the interface's custom
/// attributes, then formatting and re-parsing its type name. Profiled on case intake, that was about 3 % of the CPU and
/// 10 % of the allocations of a request. Registered ahead of the other providers, this one asks them once per
/// interface (lazily, as they are resolved from the same container) and keeps the answer.</remarks>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services, TypeConverter typeConverter) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();
    private GrainInterfaceTypeResolver? _resolver;

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (!type.IsInterface)
        {
            grainInterfaceType = default;
            return false;
        }
        grainInterfaceType = _known.GetOrAdd(type, static (interfaceType, self) => self.Resolver.GetGrainInterfaceType(interfaceType), this);
        return true;
    }

    /// <summary>What Orleans would compute: the other providers in their order, then its convention.</summary>
    internal GrainInterfaceTypeResolver Resolver => _resolver ??= new GrainInterfaceTypeResolver(
        services.GetServices<IGrainInterfaceTypeProvider>().Where(provider => provider is not CachedGrainInterfaceTypes),
        typeConverter);

    /// <summary>Puts the provider ahead of those Orleans registers (the resolver asks them in registration order).</summary>
    public static void Register(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
}
