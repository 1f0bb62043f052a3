using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class MaintenanceSchedulerOptionsTests
{
    private static MaintenanceSchedulerOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;
    }

    [Fact]
    public void TheSchedulerDefaultsToHourSlotsSixteenShardsAndSixtyFourHandOversInFlight()
    {
        var options = Bind([]);

        Assert.Equal((TimeSpan.FromHours(1), 16, 64), (options.SlotLength, options.Shards, options.HandOverConcurrency));
    }

    [Fact]
    public void ConfiguredValuesAreRead()
    {
        var options = Bind(new()
        {
            ["AfterSales:MaintenanceScheduler:SlotLength"] = "00:15:00",
            ["AfterSales:MaintenanceScheduler:Shards"] = "64",
            ["AfterSales:MaintenanceScheduler:HandOverConcurrency"] = "8",
        });

        Assert.Equal((TimeSpan.FromMinutes(15), 64, 8), (options.SlotLength, options.Shards, options.HandOverConcurrency));
    }

    [Fact]
    public void EverySettingOutOfRangeIsNamed()
    {
        var result = new MaintenanceSchedulerOptionsValidator().Validate(null, new MaintenanceSchedulerOptions
        {
            SlotLength = TimeSpan.FromSeconds(30),
            Shards = 0,
            HandOverConcurrency = 2000,
        });

        Assert.True(result.Failed);
        Assert.Collection(result.Failures!,
            f => Assert.Contains("SlotLength", f, StringComparison.Ordinal),
            f => Assert.Contains("Shards", f, StringComparison.Ordinal),
            f => Assert.Contains("HandOverConcurrency", f, StringComparison.Ordinal));
    }
}
