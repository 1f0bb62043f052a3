using AfterSales.Api.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Tests.Api;

/// <summary>Where <c>POST /api/dev/tokens</c> exists: the README's embedded start and the Development environment, never a
/// Client or Cluster process elsewhere (there the route is not mapped: 404) — the rule of the CTI development token.</summary>
public sealed class DevelopmentTokenAvailabilityTests
{
    [Theory]
    [InlineData("Production", "Embedded", true)]
    [InlineData("Development", "Embedded", true)]
    [InlineData("Development", "Client", true)]
    [InlineData("Production", "Client", false)]
    [InlineData("Production", "Cluster", false)]
    [InlineData("Staging", "Cluster", false)]
    public void DevelopmentTokensAreOnOnlyWhereTheProductRunsLocally(string environment, string mode, bool enabled)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AfterSales:Hosting:Mode"] = mode,
            ["AfterSales:Hosting:DataDirectory"] = Path.Combine(Path.GetTempPath(), "aftersales-tests-devkey", Guid.NewGuid().ToString("N")),
        });

        builder.AddAfterSalesAuth();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(enabled, DevelopmentTokens.AreEnabled(builder.Configuration, builder.Environment));
        // Without the key no development token can be signed or validated at all.
        Assert.Equal(enabled, services.GetService<DevelopmentTokenKey>() is not null);
    }

    [Fact]
    public void TheDevelopmentKeyIsMadeOnceAndKeptInTheDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "aftersales-tests-devkey", Guid.NewGuid().ToString("N"));
        var hosting = Microsoft.Extensions.Options.Options.Create(new AfterSales.Silo.Hosting.HostingOptions { DataDirectory = directory });
        try
        {
            var first = new DevelopmentTokenKey(hosting);
            var second = new DevelopmentTokenKey(hosting);

            Assert.Equal(Path.Combine(directory, DevelopmentTokenKey.FileName), first.KeyPath);
            Assert.Equal(first.Key.Key, second.Key.Key);
            Assert.Equal(32, first.Key.Key.Length);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
