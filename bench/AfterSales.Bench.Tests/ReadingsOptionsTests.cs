using AfterSales.Bench.Options;

namespace AfterSales.Bench.Tests;

public sealed class ReadingsOptionsTests
{
    [Fact]
    public void TheReadingsScenarioTakesItsFleetAndBatchShape()
    {
        var options = OptionsParser.Parse(["--scenario", "readings", "--devices", "500", "--batch-rows", "200", "--batch-devices", "20"]).Options!;

        Assert.Equal((ScenarioKind.Readings, 500, 200, 20), (options.Scenario, options.DevicesOrDefault, options.BatchRows, options.BatchDevices));
    }

    [Fact]
    public void TheDefaultBatchIsTheTargetsShape()
    {
        var options = OptionsParser.Parse(["--scenario", "readings"]).Options!;

        Assert.Equal((10_000, 1_000, 100), (options.DevicesOrDefault, options.BatchRows, options.BatchDevices));
    }

    [Fact]
    public void ABatchLargerThanTheEndpointTakesIsRefused() =>
        Assert.Contains("--batch-rows", OptionsParser.Parse(["--scenario", "readings", "--batch-rows", "2001"]).Error, StringComparison.Ordinal);
}
