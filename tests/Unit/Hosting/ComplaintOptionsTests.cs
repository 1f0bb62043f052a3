using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class ComplaintOptionsTests
{
    private static ComplaintOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ComplaintOptions>>().Value;
    }

    [Fact]
    public void TheDefaultsAreCmpIdsTheFourTargetsAndAFortnightToClose()
    {
        var options = Bind([]);

        Assert.Equal("CMP", options.IdPrefix);
        Assert.Equal(
            (TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromHours(8), TimeSpan.FromHours(4)),
            (options.AcknowledgementTargets.Low, options.AcknowledgementTargets.Medium, options.AcknowledgementTargets.High, options.AcknowledgementTargets.Critical));
        Assert.Equal(TimeSpan.FromDays(14), options.AutoCloseAfter);
    }

    [Fact]
    public void AConfiguredTargetOfOneSeverityIsRead()
    {
        var options = Bind(new() { ["AfterSales:Complaints:AcknowledgementTargets:Critical"] = "01:00:00" });

        Assert.Equal(TimeSpan.FromHours(1), options.AcknowledgementTargets.Critical);
        Assert.Equal(TimeSpan.FromHours(8), options.AcknowledgementTargets.High);
    }

    [Theory]
    [InlineData("AfterSales:Complaints:IdPrefix", "cmp", "IdPrefix")]
    [InlineData("AfterSales:Complaints:IdPrefix", "AS", "IdPrefix")]
    [InlineData("AfterSales:Complaints:AcknowledgementTargets:High", "00:00:30", "AcknowledgementTargets:High")]
    [InlineData("AfterSales:Complaints:AcknowledgementTargets:Low", "31.00:00:00", "AcknowledgementTargets:Low")]
    [InlineData("AfterSales:Complaints:AcknowledgementTargets:Critical", "12:00:00", "AcknowledgementTargets:Critical")]
    [InlineData("AfterSales:Complaints:AutoCloseAfter", "366.00:00:00", "AutoCloseAfter")]
    public void AnInvalidSettingIsRefusedByName(string key, string value, string name)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains($"AfterSales:Complaints:{name}", exception.Message, StringComparison.Ordinal);
    }
}
