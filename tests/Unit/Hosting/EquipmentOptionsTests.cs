using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class EquipmentOptionsTests
{
    private static EquipmentOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<EquipmentOptions>>().Value;
    }

    [Fact]
    public void TheDefaultsAreANinetyDayGraceAndAThirtySecondModelRefresh()
    {
        var options = Bind([]);

        Assert.Equal((TimeSpan.FromDays(90), TimeSpan.FromSeconds(30)), (options.WarrantyStartGrace, options.ModelRefreshInterval));
    }

    [Fact]
    public void AConfiguredGraceIsRead()
    {
        Assert.Equal(TimeSpan.FromDays(30), Bind(new() { ["AfterSales:Equipment:WarrantyStartGrace"] = "30.00:00:00" }).WarrantyStartGrace);
    }

    [Theory]
    [InlineData("AfterSales:Equipment:WarrantyStartGrace", "-1.00:00:00", "WarrantyStartGrace")]
    [InlineData("AfterSales:Equipment:WarrantyStartGrace", "731.00:00:00", "WarrantyStartGrace")]
    [InlineData("AfterSales:Equipment:WarrantyStartGrace", "1.12:00:00", "WarrantyStartGrace")]
    [InlineData("AfterSales:Equipment:ModelRefreshInterval", "00:00:00.500", "ModelRefreshInterval")]
    [InlineData("AfterSales:Equipment:ModelRefreshInterval", "00:11:00", "ModelRefreshInterval")]
    public void AnInvalidSettingIsRefusedByName(string key, string value, string name)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains(name, exception.Message, StringComparison.Ordinal);
    }
}
