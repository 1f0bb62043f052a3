using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class AfterSalesOptionsTests
{
    private static AfterSalesOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AfterSalesOptions>>().Value;
    }

    [Fact]
    public void ConfiguredRegionsReplaceTheDefaultsInsteadOfAddingToThem()
    {
        var options = Bind(new() { ["AfterSales:Regions:0"] = "shanghai", ["AfterSales:Regions:1"] = "beijing" });

        Assert.Equal(["shanghai", "beijing"], options.Regions);
    }

    [Fact]
    public void WithoutConfiguredRegionsTheDefaultFourAreServed()
    {
        var options = Bind([]);

        Assert.Equal(["east", "west", "north", "south"], options.Regions);
        Assert.Equal("AS", options.CaseNumberPrefix);
    }

    [Fact]
    public void AnInvalidConfigurationIsRefused()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["AfterSales:CaseNumberPrefix"] = "as-1" }));

        Assert.Contains("CaseNumberPrefix", exception.Message, StringComparison.Ordinal);
    }
}
