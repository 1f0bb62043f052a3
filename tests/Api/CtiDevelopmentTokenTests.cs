using AfterSales.Api.Cti;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Api;

/// <summary>Where the local token <c>dev-cti-token</c> is accepted with no token configured: the README's embedded start
/// and the Development environment, never a cluster, and never once a token is configured.</summary>
public sealed class CtiDevelopmentTokenTests
{
    private static readonly string DevelopmentHash = CtiGate.HashOf(CtiIntakeOptions.DevelopmentToken);

    [Theory]
    [InlineData("Production", "Embedded", true)]
    [InlineData("Development", "Embedded", true)]
    [InlineData("Development", "Client", true)]
    [InlineData("Production", "Client", false)]
    [InlineData("Production", "Cluster", false)]
    public void TheLocalTokenIsAcceptedOnlyWhereTheProductRunsLocally(string environment, string mode, bool accepted)
    {
        var tokens = Tokens(environment, mode, configuredToken: null);

        Assert.Equal(accepted, tokens.Contains(DevelopmentHash));
    }

    [Fact]
    public void AConfiguredTokenTurnsTheLocalTokenOff()
    {
        var configured = CtiGate.HashOf("pbx-secret-1");

        var tokens = Tokens("Development", "Embedded", configured);

        Assert.Equal([configured], tokens);
    }

    private static List<string> Tokens(string environment, string mode, string? configuredToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        var settings = new Dictionary<string, string?> { ["AfterSales:Hosting:Mode"] = mode };
        if (configuredToken is not null)
        {
            settings["AfterSales:Cti:Tokens:0"] = configuredToken;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCtiIntake();
        // The options' validator reads phone numbers with the API's input rules.
        builder.Services.AddSingleton<AfterSales.Api.Validation.InputRules>();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<CtiIntakeOptions>>().Value.Tokens;
    }
}
