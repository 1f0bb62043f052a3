using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>Starts a real host through <see cref="OrleansHostingExtensions.AddAfterSalesOrleans"/> from in-memory
/// configuration: the same path the Silo and the Api take.</summary>
public static class TestHosts
{
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddAfterSalesOrleans();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }

    public static Dictionary<string, string?> Embedded(string dataDirectory, string serviceId) => new()
    {
        ["AfterSales:Hosting:Mode"] = "Embedded",
        ["AfterSales:Hosting:DataDirectory"] = dataDirectory,
        ["AfterSales:Hosting:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AfterSales:Hosting:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AfterSales:Hosting:ClusterId"] = serviceId,
        ["AfterSales:Hosting:ServiceId"] = serviceId,
    };

    public static Dictionary<string, string?> Cluster(string connectionString, string clusterId) => new()
    {
        ["AfterSales:Hosting:Mode"] = "Cluster",
        ["AfterSales:Hosting:AdvertisedAddress"] = "127.0.0.1",
        ["AfterSales:Hosting:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AfterSales:Hosting:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AfterSales:Hosting:ClusterId"] = clusterId,
        ["AfterSales:Hosting:ServiceId"] = clusterId,
        ["ConnectionStrings:AfterSales"] = connectionString,
    };

    public static Dictionary<string, string?> Client(string connectionString, string clusterId) => new()
    {
        ["AfterSales:Hosting:Mode"] = "Client",
        ["AfterSales:Hosting:ClusterId"] = clusterId,
        ["AfterSales:Hosting:ServiceId"] = clusterId,
        ["ConnectionStrings:AfterSales"] = connectionString,
    };
}
