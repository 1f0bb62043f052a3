using System.Globalization;
using AfterSales.Silo.Hosting;
using AfterSales.Silo.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>Builds a host with one embedded silo through the same entry point the API and Silo use.</summary>
internal static class InProcSilo
{
    public static IHost Build(InProcSiloSettings settings, string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] = nameof(HostingMode.Embedded),
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.DataDirectory)}"] = dataDirectory,
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.SiloPort)}"] = Loopback.FreePort().ToString(CultureInfo.InvariantCulture),
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.GatewayPort)}"] = Loopback.FreePort().ToString(CultureInfo.InvariantCulture),
        };
        // Information levels (the default, or those of an appsettings.json beside the bench) would log every
        // registration and case, a cost (and noise) the in-process run is meant to leave out.
        configuration["Logging:LogLevel:Default"] = nameof(LogLevel.Warning);
        foreach (var level in builder.Configuration.GetSection("Logging:LogLevel").GetChildren())
        {
            configuration[level.Path] = nameof(LogLevel.Warning);
        }
        // Only an explicit list is passed: binding a list onto the default list would append to it.
        for (var i = 0; i < settings.Regions?.Count; i++)
        {
            configuration[$"AfterSales:Regions:{i}"] = settings.Regions[i];
        }
        foreach (var (key, value) in settings.Settings)
        {
            configuration[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(configuration);

        builder.AddAfterSalesOrleans();
        if (settings.MemoryStorage)
        {
            // Registered after the hosting entry point, so it replaces the durable provider of the one storage name
            // and the event log beside it.
            builder.UseOrleans(silo => silo.AddMemoryGrainStore(StorageNames.Main, new MemoryGrainData()));
        }
        if (settings.MaintenanceSink)
        {
            builder.Services.AddSingleton<MaintenanceSink>();
            builder.UseOrleans(silo => silo.AddOutgoingGrainCallFilter<MaintenanceSinkFilter>());
        }
        // Last, so it wraps whichever storage the lines above left registered.
        builder.Services.CountGrainStorage(StorageNames.Main);
        return builder.Build();
    }
}
