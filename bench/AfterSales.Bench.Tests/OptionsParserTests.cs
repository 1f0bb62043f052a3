using AfterSales.Bench.Options;

namespace AfterSales.Bench.Tests;

public sealed class OptionsParserTests
{
    [Fact]
    public void TheDocumentedCommandParsesToAnOpenLoopSelfHostedIntake()
    {
        var (options, error) = OptionsParser.Parse(["--mode", "http", "--scenario", "intake", "--rate", "250", "--duration", "20s"]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal((BenchMode.Http, ScenarioKind.Intake, 250d, TimeSpan.FromSeconds(20), true),
            (options.Mode, options.Scenario, options.Rate, options.Duration, options.SelfHost));
        Assert.Equal(TimeSpan.FromSeconds(10), options.EffectiveCeilingDuration);
    }

    [Theory]
    [InlineData("20s", 20_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("15", 15_000)]
    public void DurationsAcceptSecondsMillisecondsAndMinutes(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), OptionsParser.ParseDuration("--duration", text, TimeSpan.Zero, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("--url", "http://10.0.0.5:5000")]
    [InlineData("--url", "http://example.com")]
    [InlineData("--url", "http://127.0.0.1:8080,http://10.0.0.5:8081")]
    [InlineData("--url", ",")]
    [InlineData("--duration", "11m")]
    [InlineData("--max-requests", "20000000")]
    [InlineData("--concurrency", "0")]
    [InlineData("--scenario", "everything")]
    [InlineData("--mode", "1")]
    public void UnboundedOrNonLoopbackRunsAreRefused(string option, string value)
    {
        var (options, error) = OptionsParser.Parse([option, value]);

        Assert.Null(options);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopbackUrlsAreAccepted()
    {
        foreach (var url in new[] { "http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000" })
        {
            var (options, error) = OptionsParser.Parse(["--url", url]);
            Assert.True(error is null, error);
            Assert.False(options!.SelfHost);
        }
    }

    [Fact]
    public void SeveralUrlsAreTakenInTheOrderGiven()
    {
        var (options, error) = OptionsParser.Parse(["--url", "http://127.0.0.1:8080, http://127.0.0.1:8081"]);

        Assert.True(error is null, error);
        Assert.Equal([new Uri("http://127.0.0.1:8080"), new Uri("http://127.0.0.1:8081")], options!.Urls);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), options.Url);
    }

    [Fact]
    public void MemoryStorageIsOnlyForTheInProcessMode()
    {
        Assert.NotNull(OptionsParser.Parse(["--mode", "inproc", "--storage", "memory"]).Options);
        Assert.Contains("--storage memory", OptionsParser.Parse(["--mode", "http", "--storage", "memory"]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RoutingSeedsAThousandTechniciansByDefault()
    {
        Assert.Equal(1_000, OptionsParser.Parse(["--scenario", "routing"]).Options!.TechnicianCount);
        Assert.Equal(400, OptionsParser.Parse(["--scenario", "intake"]).Options!.TechnicianCount);
    }

    [Fact]
    public void TechniciansGetTheLargestCapacityTheApiAndGrainsAccept()
    {
        Assert.Equal(1_000, OptionsParser.Parse(["--mode", "http"]).Options!.TechnicianCapacity);
        Assert.Equal(1_000, OptionsParser.Parse(["--mode", "inproc"]).Options!.TechnicianCapacity);
        Assert.Equal(7, OptionsParser.Parse(["--mode", "inproc", "--capacity", "7"]).Options!.TechnicianCapacity);
    }

    [Fact]
    public void PeakRunsThirtyTwoWritersAndTwentyTechniciansUnlessToldOtherwise()
    {
        var options = OptionsParser.Parse(["--scenario", "peak"]).Options!;

        Assert.Equal((ScenarioKind.Peak, 32, 20, 50_000L), (options.Scenario, options.Concurrency, options.TechnicianCount, options.QueueTarget));
        Assert.Equal(8, OptionsParser.Parse(["--scenario", "peak", "--concurrency", "8"]).Options!.Concurrency);
    }

    [Fact]
    public void TheHeavyCaseChangesOneStateAtATime()
    {
        var options = OptionsParser.Parse(["--scenario", "heavy-case"]).Options!;

        Assert.Equal((ScenarioKind.HeavyCase, 1, 10_000, 200), (options.Scenario, options.Concurrency, options.HeavyEvents, options.HeavyNotes));
        Assert.Contains("--concurrency", OptionsParser.Parse(["--scenario", "heavy-case", "--concurrency", "4"]).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("peak", "--rate")]
    [InlineData("heavy-case", "--rate")]
    public void ThePeakAndHeavyCaseScenariosRunClosedLoops(string scenario, string option)
    {
        Assert.Contains(option, OptionsParser.Parse(["--scenario", scenario, "--rate", "100"]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PeakNeedsASecondRegionForItsWarmUp()
    {
        Assert.Contains("--regions", OptionsParser.Parse(["--scenario", "peak", "--regions", "east"]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownScenarioListsTheHyphenatedNames()
    {
        Assert.Contains("heavy-case", OptionsParser.Parse(["--scenario", "heavycase"]).Error, StringComparison.Ordinal);
    }
}
