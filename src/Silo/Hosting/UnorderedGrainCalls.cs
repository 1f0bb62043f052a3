using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace AfterSales.Silo.Hosting;

/// <summary>Marks every grain type "unordered" in the cluster manifest, so that clients send each call through the next
/// live gateway in turn instead of pinning each grain to the gateway it first used.</summary>
/// <remarks>Pinned, the calls that moved off a crashed silo's gateway never move back: a restarted silo took no client
/// traffic for minutes. Spread per call, it takes its share at the client's next gateway-list refresh. Nothing here
/// relies on call order between concurrent requests (Orleans does not promise it either): each HTTP request awaits its
/// own calls in turn. Orleans marks stateless workers the same way.</remarks>
internal sealed class UnorderedGrainCalls : IGrainPropertiesProvider
{
    public void Populate(Type grainClass, GrainType grainType, Dictionary<string, string> properties) =>
        properties[WellKnownGrainTypeProperties.Unordered] = "true";

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IGrainPropertiesProvider, UnorderedGrainCalls>();
}
