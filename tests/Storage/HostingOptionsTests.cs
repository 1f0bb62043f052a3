using AfterSales.Silo.Hosting;
using AfterSales.Tests.Storage.Infrastructure;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Storage;

/// <summary>A hosting configuration that cannot work is refused at start with a message naming the setting.</summary>
public sealed class HostingOptionsTests
{
    [Fact]
    public async Task ClusterModeWithoutAConnectionStringIsRefusedNamingTheSetting()
    {
        var settings = TestHosts.Cluster("", "no-connection");
        settings.Remove("ConnectionStrings:AfterSales");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHosts.StartAsync(settings));

        Assert.Contains("ConnectionStrings:AfterSales", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorRefusesEqualPortsAndABadAdvertisedAddress()
    {
        var result = new HostingOptionsValidator().Validate(null, new HostingOptions
        {
            Mode = HostingMode.Cluster,
            SiloPort = 11111,
            GatewayPort = 11111,
            AdvertisedAddress = "not-an-ip",
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("SiloPort and GatewayPort", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("AdvertisedAddress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRetiredAdoNetSqliteStorageIsRefusedRatherThanIgnored()
    {
        using var directory = new TempDirectory();
        var settings = TestHosts.Embedded(directory.Path, $"retired-{Guid.NewGuid():N}");
        settings["AfterSales:Hosting:EmbeddedStorage"] = "AdoNetSqlite";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHosts.StartAsync(settings));

        Assert.Contains("AfterSales:Hosting:EmbeddedStorage is no longer a setting (found 'AdoNetSqlite')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorAcceptsTheDefaults() =>
        Assert.True(new HostingOptionsValidator().Validate(null, new HostingOptions()).Succeeded);
}
