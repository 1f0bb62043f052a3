using AfterSales.Bench.Options;

namespace AfterSales.Bench.Tests;

public sealed class SlaClocksOptionsTests
{
    [Fact]
    public void TheSlaClocksScenarioDefaultsToAHundredThousandCasesWithTenMinuteTargets()
    {
        var options = OptionsParser.Parse(["--scenario", "sla-clocks"]).Options!;

        Assert.Equal((ScenarioKind.SlaClocks, 100_000, TimeSpan.FromMinutes(10)), (options.Scenario, options.Cases, options.SlaTarget));
    }

    [Fact]
    public void TheCaseCountAndTargetAreRead()
    {
        var options = OptionsParser.Parse(["--scenario", "sla-clocks", "--cases", "2000", "--sla-target", "1m"]).Options!;

        Assert.Equal((2_000, TimeSpan.FromMinutes(1)), (options.Cases, options.SlaTarget));
    }

    [Theory]
    [InlineData("--sla-target", "30s")]
    [InlineData("--mode", "inproc")]
    public void ATargetShorterThanTheShortestPolicyTargetOrAnInProcessRunIsRefused(string option, string value) =>
        Assert.Contains(option, OptionsParser.Parse(["--scenario", "sla-clocks", option, value]).Error, StringComparison.Ordinal);
}
