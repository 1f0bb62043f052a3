using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class ProblemDetectionOptionsTests
{
    private static ProblemDetectionOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ProblemDetectionOptions>>().Value;
    }

    [Fact]
    public void DetectionDefaultsToFiveFaultsWithinSevenDaysAndOneThousandSerials()
    {
        var options = Bind([]);

        Assert.Equal((TimeSpan.FromDays(7), 5, 1000L), (options.Window, options.Threshold, options.RangeWidth));
    }

    [Fact]
    public void ConfiguredValuesAreRead()
    {
        var options = Bind(new()
        {
            ["AfterSales:ProblemDetection:Window"] = "2.00:00:00",
            ["AfterSales:ProblemDetection:Threshold"] = "3",
            ["AfterSales:ProblemDetection:RangeWidth"] = "50",
        });

        Assert.Equal((TimeSpan.FromDays(2), 3, 50L), (options.Window, options.Threshold, options.RangeWidth));
    }

    [Fact]
    public void EverySettingOutOfRangeIsNamed()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["AfterSales:ProblemDetection:Window"] = "00:10:00",
            ["AfterSales:ProblemDetection:Threshold"] = "1",
            ["AfterSales:ProblemDetection:RangeWidth"] = "0",
        }));

        Assert.Equal(
            [
                "AfterSales:ProblemDetection:Window must be between 1 hour and 365 days, not 00:10:00.",
                "AfterSales:ProblemDetection:Threshold must be between 2 and 1000, not 1.",
                "AfterSales:ProblemDetection:RangeWidth must be between 1 and 10^15, not 0.",
            ],
            exception.Failures);
    }
}
