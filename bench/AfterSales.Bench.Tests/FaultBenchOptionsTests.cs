using AfterSales.Bench.Faults;

namespace AfterSales.Bench.Tests;

public sealed class FaultBenchOptionsTests
{
    [Fact]
    public void TheDocumentedFailoverCommandParses()
    {
        var options = FaultBenchOptions.TryParse(["--scenario", "failover", "--duration", "10m", "--kill-interval", "60s"], out var error);

        Assert.Null(error);
        Assert.Equal(new FaultBenchOptions("failover", TimeSpan.FromMinutes(10), 3, 6, TimeSpan.FromSeconds(60), options!.Postgres), options);
    }

    [Fact]
    public void OptionsBeforeTheScenarioAreReadAsThemselves()
    {
        var options = FaultBenchOptions.TryParse(["--silos", "4", "--scenario", "mixed", "--workers", "16"], out var error);

        Assert.Null(error);
        Assert.Equal(("mixed", 4, 16), (options!.Scenario, options.Silos, options.Workers));
    }

    [Theory]
    [InlineData("--no-ceiling", "--scenario", "failover", "--duration", "2m")]
    [InlineData("--self-host", "--scenario", "rolling")]
    [InlineData("--per-entry", "--scenario", "mixed", "--workers", "8")]
    public void AValueLessOptionBeforeAFaultScenarioIsRefusedByNameInsteadOfHidingTheScenario(params string[] args)
    {
        var options = FaultBenchOptions.TryParse(args, out var error);

        Assert.Null(options);
        Assert.Equal($"the {args[2]} scenario takes only --scenario, --duration, --silos, --workers, --kill-interval, --postgres (each with a value); got '{args[0]}'", error);
    }

    [Fact]
    public void AnOptionWithoutItsValueAtTheEndIsRefused()
    {
        Assert.Null(FaultBenchOptions.TryParse(["--scenario", "failover", "--silos"], out var error));
        Assert.EndsWith("got '--silos' without a value", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-ceiling", "--scenario", "intake")]
    [InlineData("--scenario", "intake", "--rate", "100")]
    [InlineData("--mode", "http")]
    public void ALoadScenarioIsLeftToTheLoadParser(params string[] args)
    {
        Assert.Null(FaultBenchOptions.TryParse(args, out var error));
        Assert.Null(error);
    }
}
