using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AfterSales.Silo.Hosting;

/// <summary>The single entry point both the Silo and the Api use to join Orleans; the mode comes from configuration.</summary>
public static class OrleansHostingExtensions
{
    /// <summary>Hosts a silo (Embedded, Cluster) or a client (Client) as <c>AfterSales:Hosting:Mode</c> says.</summary>
    public static IHostApplicationBuilder AddAfterSalesOrleans(this IHostApplicationBuilder builder)
    {
        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        builder.Services.AddAfterSalesGrains(builder.Configuration);

        if (hosting.Mode == HostingMode.Client)
        {
            throw new NotSupportedException("Client mode is configured by the cluster hosting work in progress.");
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = hosting.ClusterId;
                o.ServiceId = hosting.ServiceId;
            });
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);
            // Placeholder until the SQLite storage lands: in-memory state does not survive a restart.
            silo.AddMemoryGrainStorage(StorageNames.Main);
            silo.UseInMemoryReminderService();
        });
        return builder;
    }
}
