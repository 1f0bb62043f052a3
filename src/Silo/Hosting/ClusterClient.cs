using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        client.Services.AddSingleton(provider => new GatewayLossDeadline(
            hosting.Client, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<GatewayLossDeadline>>()));
        client.Services.AddSingleton<IOutgoingGrainCallFilter>(provider => provider.GetRequiredService<GatewayLossDeadline>());
        client.AddGatewayCountChangedHandler(provider => provider.GetRequiredService<GatewayLossDeadline>().OnGatewayCountChanged);
        return new HostingSummary(HostingMode.Client, hosting.ClusterId, hosting.ServiceId, "none (client)", "none (client)");
    }
}
