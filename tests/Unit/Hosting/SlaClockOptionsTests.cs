using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class SlaClockOptionsTests
{
    private static SlaClockOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SlaClockOptions>>().Value;
    }

    [Fact]
    public void ClocksDefaultToQuarterHourSlotsAndAlertOnWarningAndBreachButRaisePriorityOnlyOnBreach()
    {
        var options = Bind([]);

        Assert.Equal((TimeSpan.FromMinutes(15), 16, 32), (options.SlotLength, options.Shards, options.WakeConcurrency));
        Assert.Equal((false, true, true, true), (options.RaisePriorityOnWarning, options.RaisePriorityOnBreach, options.AlertOnWarning, options.AlertOnBreach));
    }

    [Fact]
    public void EverySettingOutOfRangeIsNamed()
    {
        var result = new SlaClockOptionsValidator().Validate(null, new SlaClockOptions
        {
            SlotLength = TimeSpan.FromSeconds(30),
            Shards = 0,
            WakeConcurrency = 5000,
        });

        Assert.True(result.Failed);
        Assert.Collection(result.Failures!,
            f => Assert.Contains("SlotLength", f, StringComparison.Ordinal),
            f => Assert.Contains("Shards", f, StringComparison.Ordinal),
            f => Assert.Contains("WakeConcurrency", f, StringComparison.Ordinal));
    }
}
