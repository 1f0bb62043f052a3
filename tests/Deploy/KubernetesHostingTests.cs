using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Deploy;

/// <summary>The opt-in switch AfterSales:Hosting:Kubernetes: wired into a Cluster silo only.</summary>
public sealed class KubernetesHostingTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void AClusterSiloUsesOrleansKubernetesHostingExactlyWhenTheSwitchIsOn(bool kubernetes, bool expected)
    {
        var builder = Builder(("Mode", "Cluster"), ("Kubernetes", kubernetes ? "true" : "false"));

        builder.AddAfterSalesOrleans();

        Assert.Equal(expected, builder.Services.Any(s => s.ImplementationType?.Namespace == "Orleans.Hosting.Kubernetes"));
    }

    [Theory]
    [InlineData("Client")]
    [InlineData("Embedded")]
    public void TheSwitchIsRefusedOutsideClusterMode(string mode)
    {
        var builder = Builder(("Mode", mode), ("Kubernetes", "true"));

        var refused = Assert.Throws<OptionsValidationException>(() => builder.AddAfterSalesOrleans());
        Assert.Contains("AfterSales:Hosting:Kubernetes applies to silos only", refused.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] hosting)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(hosting
            .Select(s => KeyValuePair.Create<string, string?>($"{HostingOptions.SectionName}:{s.Key}", s.Value))
            .Append(KeyValuePair.Create<string, string?>("ConnectionStrings:AfterSales", "Host=127.0.0.1;Database=unused")));
        return builder;
    }
}
