using AfterSales.Silo.Hosting;
using AfterSales.Tests.Storage.Infrastructure;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

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
    public void ValidatorRefusesMembershipVotesThatExpireBeforeADeathCanBeDeclaredAndAGraceLongerThanTheCallTimeout()
    {
        var cluster = new HostingOptionsValidator().Validate(null, new HostingOptions
        {
            Mode = HostingMode.Cluster,
            Membership = new MembershipTimingOptions { ProbeTimeout = TimeSpan.FromSeconds(5), DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10) },
        });
        var client = new HostingOptionsValidator().Validate(null, new HostingOptions
        {
            Mode = HostingMode.Client,
            Client = new ClientTimingOptions { ResponseTimeout = TimeSpan.FromSeconds(5), GatewayLossGrace = TimeSpan.FromSeconds(6) },
        });

        Assert.Contains(cluster.Failures!, f => f.StartsWith("AfterSales:Hosting:Membership:DeathVoteExpirationTimeout", StringComparison.Ordinal));
        Assert.Contains(client.Failures!, f => f.StartsWith("AfterSales:Hosting:Client:GatewayLossGrace", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidatorAcceptsTheDefaults() =>
        Assert.True(new HostingOptionsValidator().Validate(null, new HostingOptions()).Succeeded);

    [Fact]
    public void ADeadSilosGrainsAreHeldBack2SecondsAfterItsDeclarationByDefaultAnd18GivesOrleansOwnHold()
    {
        // Orleans counts its hold from the estimated failure (range lease − longest probe timeout × probes missed).
        var membership = new ClusterMembershipOptions();
        new MembershipTimingOptions().ApplyTo(membership);
        var byDefault = new GrainDirectoryOptions();
        new MembershipTimingOptions().ApplyTo(byDefault, membership);
        var longer = new GrainDirectoryOptions();
        new MembershipTimingOptions { DeadSiloLease = TimeSpan.FromSeconds(18) }.ApplyTo(longer, membership);

        Assert.Equal(TimeSpan.FromSeconds(4), membership.MaxProbeTimeout);
        // 3 probes of up to 4 s, then the 2 s hold after the declaration.
        Assert.Equal(TimeSpan.FromSeconds(14), byDefault.RangeLeaseDuration);
        // 18 s after the declaration is Orleans' own hold with these probes.
        Assert.Equal(new GrainDirectoryOptions().RangeLeaseDuration, longer.RangeLeaseDuration);
        var refused = new HostingOptionsValidator().Validate(null, new HostingOptions
        {
            Mode = HostingMode.Cluster,
            Membership = new MembershipTimingOptions { DeadSiloLease = TimeSpan.FromSeconds(-1) },
        });
        Assert.Contains(refused.Failures!, f => f.StartsWith("AfterSales:Hosting:Membership:DeadSiloLease", StringComparison.Ordinal));
    }
}
