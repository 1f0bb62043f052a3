using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace AfterSales.Silo.Hosting;

/// <summary>Client mode: no silo; an Orleans client that finds the cluster's gateways in the PostgreSQL membership
/// table (the silos create and migrate it).</summary>
internal static class ClusterClient
{
    public static HostingSummary Configure(IClientBuilder client, HostingOptions hosting, string connectionString)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = hosting.ClusterId;
            o.ServiceId = hosting.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(hosting.Client.ApplyTo);
        client.Configure<GatewayOptions>(hosting.Client.ApplyTo);
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
        client.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectionRetryFilter>();
        return new HostingSummary(HostingMode.Client, hosting.ClusterId, hosting.ServiceId, "none (client)", "none (client)");
    }
}
