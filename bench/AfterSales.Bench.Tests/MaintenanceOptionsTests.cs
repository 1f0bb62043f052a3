using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;

namespace AfterSales.Bench.Tests;

public sealed class MaintenanceOptionsTests
{
    [Fact]
    public void TheMaintenanceRunHoldsAMillionDevicesOverThirtyDaysWithoutWarmUp()
    {
        var (options, error) = OptionsParser.Parse(["--mode", "inproc", "--scenario", "maintenance", "--duration", "30s"]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal((ScenarioKind.Maintenance, 1_000_000, 2_000, TimeSpan.FromDays(30), TimeSpan.Zero, 0),
            (options.Scenario, options.DevicesOrDefault, options.Probes, options.Horizon, options.Warmup, options.TechnicianCount));
    }

    [Fact]
    public void FleetSizeProbesAndHorizonAreRead()
    {
        var (options, _) = OptionsParser.Parse(["--mode", "inproc", "--scenario", "maintenance", "--devices", "10000", "--probes", "500", "--horizon", "12h"]);

        Assert.Equal((10_000, 500, TimeSpan.FromHours(12)), (options!.DevicesOrDefault, options.Probes, options.Horizon));
    }

    [Fact]
    public void RegisteringTheFleetAsDevicesIsAMaintenanceOption()
    {
        var (maintenance, _) = OptionsParser.Parse(["--mode", "inproc", "--scenario", "maintenance", "--register-devices"]);
        var (plain, _) = OptionsParser.Parse(["--mode", "inproc", "--scenario", "maintenance"]);
        var (readings, error) = OptionsParser.Parse(["--mode", "inproc", "--scenario", "readings", "--register-devices"]);

        Assert.Equal((true, false), (maintenance!.RegisterDevices, plain!.RegisterDevices));
        Assert.Null(readings);
        Assert.Contains("--register-devices", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "http")]
    [InlineData("--rate", "100")]
    [InlineData("--devices", "0")]
    [InlineData("--horizon", "30m")]
    public void AMaintenanceRunItCannotMeasureIsRefused(string option, string value)
    {
        string[] args = option == "--mode"
            ? ["--scenario", "maintenance", option, value]
            : ["--mode", "inproc", "--scenario", "maintenance", option, value];

        var (options, error) = OptionsParser.Parse(args);

        Assert.Null(options);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2d", 2 * 86_400)]
    [InlineData("12h", 12 * 3_600)]
    public void DurationsAcceptHoursAndDays(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OptionsParser.ParseDuration("--horizon", text, TimeSpan.Zero, TimeSpan.FromDays(366)));
    }

    [Theory]
    [InlineData(10_000, "maintenance-tick-10k")]
    [InlineData(100_000, "maintenance-tick-100k")]
    [InlineData(1_000_000, "maintenance-tick-1m")]
    [InlineData(50_000, null)]
    public void TheTickCostIsRecordedUnderTheFleetSizeTheIssueNames(int devices, string? id)
    {
        Assert.Equal(id, TargetCatalogue.MaintenanceTickCost(devices)?.Id);
    }
}
