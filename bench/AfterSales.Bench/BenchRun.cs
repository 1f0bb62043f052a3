using System.Reflection;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Drivers.Http;
using AfterSales.Bench.Drivers.InProc;
using AfterSales.Bench.Drivers.Postgres;
using AfterSales.Bench.Load;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;
using AfterSales.Bench.Scenarios;
using AfterSales.Bench.Stats;

namespace AfterSales.Bench;

/// <summary>One run: start or reach the target, seed, warm up, measure, check, measure the ceiling, report.</summary>
internal static class BenchRun
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> ExecuteAsync(BenchOptions options, CancellationToken abort)
    {
        if (CommandLine.Configuration != "Release")
        {
            Progress($"warning: built in {CommandLine.Configuration}; numbers are only comparable from a Release build (-c Release)");
        }
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Read();
        var loadBefore = MachineInfo.LoadAverage();
        var population = new Population(Population.NewRunTag(), options.Seed, options.EffectiveRegions,
            options.Customers, options.TechnicianCount, options.TechnicianCapacity);

        Progress($"starting target ({options.Mode.ToString().ToLowerInvariant()})…");
        await using var target = await CreateTargetAsync(options, abort);
        Progress($"target: {target.Description}");

        var scenario = CreateScenario(options, target, population);
        var setup = await scenario.SetupAsync(abort);
        foreach (var line in setup)
        {
            Progress(line);
        }

        var budget = Math.Min(options.MaxOperations, scenario.OperationBudget ?? long.MaxValue);
        var plan = new LoadPlan(options.Rate, options.Concurrency, options.MaxInFlight, options.Duration, budget);
        var sequence = new SequenceSource();
        if (options.Warmup > TimeSpan.Zero)
        {
            Progress($"warming up {options.Warmup.TotalSeconds:0.#} s ({plan})…");
            var warmup = await LoadRunner.RunAsync(scenario, plan with { Duration = options.Warmup }, sequence, abort);
            if (scenario.OperationBudget is not null)
            {
                // The warm-up's operations count against the scenario's budget (they fill the same roster).
                plan = plan with { MaxOperations = Math.Max(1, budget - warmup.Succeeded - warmup.Failed) };
            }
            var warmupErrors = string.Join(", ", warmup.Errors.Snapshot().Select(e => $"{e.Key} × {e.Count}: {e.FirstDetail}"));
            Progress($"warm-up: {warmup.Succeeded:N0} ok, {warmup.Failed:N0} errors{(warmupErrors.Length > 0 ? $" ({warmupErrors})" : "")}");
        }
        if (scenario.MeasuredBudget is { } measuredBudget)
        {
            plan = plan with { MaxOperations = Math.Min(plan.MaxOperations, measuredBudget) };
        }
        var ceiling = CreateCeilingProbe(options, target);
        if (ceiling is not null)
        {
            Progress($"measuring the ceiling GET /ping, first half ({ceiling.Plan})…");
            await ceiling.MeasureHalfAsync("before", abort);
        }
        await using var database = options.Postgres is { } postgres
            ? await ClusterWriteProbe.StartAsync(postgres, population.RunTag, options.EffectiveCeilingDuration / 2, abort)
            : null;
        if (database is not null)
        {
            await database.BeforeMeasuringAsync(Progress, abort);
        }
        Progress($"measuring {scenario.Name} for {options.Duration.TotalSeconds:0.#} s ({plan})…");
        scenario.OnMeasuring();
        var writesBefore = target.StorageCounts?.Snapshot();
        var cpu = CpuUse.Start(() => target.ServerProcessorTime);
        var measured = await LoadRunner.RunAsync(scenario, plan, sequence, abort);
        var cpuUse = cpu();
        var writes = writesBefore is null ? null : target.StorageCounts!.Snapshot().Minus(writesBefore);
        if (database is not null)
        {
            await database.AfterMeasuringAsync(Progress, abort);
        }
        if (ceiling is not null)
        {
            Progress("measuring the ceiling GET /ping, second half…");
            await ceiling.MeasureHalfAsync("after", abort);
        }
        if (scenario.FollowUp is { } followUp)
        {
            Progress($"{followUp}…");
        }
        var findings = await scenario.SummarizeAsync(measured, abort);
        (scenario as IDisposable)?.Dispose();
        var (ceilingStats, ceilingNote) = CeilingResult(options, target, ceiling);

        var report = new RunReport(options, CommandLine.Format(options.Arguments), startedAt, machine, loadBefore, MachineInfo.LoadAverage(),
            target.Description, scenario.Name, plan.ToString(), setup, cpuUse, measured, ceilingStats, ceilingNote, findings, [])
        {
            OperationUnit = scenario.OperationUnit,
            Writes = writes,
            ClusterWrites = database?.Result,
        };
        report = report with
        {
            Checks = [.. TargetChecks.Evaluate(options, measured, report.CeilingRatio, writes, scenario.OperationUnit, report.ClusterWrites), .. findings.Checks],
        };

        Console.WriteLine();
        Console.Write(MarkdownReport.Section(report));
        if (options.WriteResults)
        {
            var path = options.ResultsPath ?? ResultsFile.DefaultPath();
            await ResultsFile.AppendAsync(path, report, abort);
            Progress($"appended to {ResultsFile.LogPathFor(path)}; status table in {path} rebuilt");
        }
        return 0;
    }

    private static async Task<IBenchTarget> CreateTargetAsync(BenchOptions options, CancellationToken abort)
    {
        var maxConnections = Math.Max(options.Concurrency, options.Rate is null ? 0 : options.MaxInFlight);
        if (options.Mode == BenchMode.InProc)
        {
            return await InProcTarget.StartAsync(
                new InProcSiloSettings(options.MemoryStorage, options.Regions, options.Settings, options.KeepData,
                    MaintenanceSink: options.Scenario == ScenarioKind.Maintenance),
                options.IdempotencyKeys, abort);
        }
        if (options.Urls.Count > 0)
        {
            return new HttpTarget(options.Urls, maxConnections, options.Timeout, options.IdempotencyKeys, process: null);
        }
        var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Regions?.Count; i++)
        {
            settings[$"AfterSales:Regions:{i}"] = options.Regions[i];
        }
        var apiAssembly = options.ApiAssembly ?? BuiltApiAssembly()
            ?? throw new BenchException("The bench was built without the API path; pass --api-assembly.");
        var process = await ApiProcess.StartAsync(apiAssembly, settings, ReadyTimeout, options.KeepData, abort);
        Progress($"API started (log: {process.LogPath})");
        return new HttpTarget([process.BaseAddress], maxConnections, options.Timeout, options.IdempotencyKeys, process);
    }

    private static IScenario CreateScenario(BenchOptions options, IBenchTarget target, Population population) => options.Scenario switch
    {
        ScenarioKind.Intake => new IntakeScenario(target, population),
        ScenarioKind.FeedLag => new FeedLagScenario(target, target as IListTarget
            ?? throw new BenchException("--scenario feed-lag reads the case list over HTTP: use --mode http."), population),
        ScenarioKind.Routing => new RoutingScenario(target, population, options.DecisionsOnly, options.ReleaseAssigned, overHttp: options.Mode == BenchMode.Http),
        ScenarioKind.Lifecycle => new LifecycleScenario(target, population),
        ScenarioKind.Get => new GetScenario(target, population, options.ActiveCases),
        ScenarioKind.Peak => new PeakScenario(target, population.RunTag, options),
        ScenarioKind.HeavyCase => new HeavyCaseScenario(target, population, options),
        ScenarioKind.Readings => new ReadingsScenario(target, population, options),
        ScenarioKind.KpiRead => new KpiReadScenario((HttpTarget)target, options),
        ScenarioKind.SlaClocks => new SlaClocksScenario(target, population, options),
        ScenarioKind.Maintenance => new MaintenanceScenario(target as InProcTarget
            ?? throw new BenchException("--scenario maintenance runs in-process."), population.RunTag, options),
        _ => throw new BenchException($"Unknown scenario {options.Scenario}."),
    };

    /// <summary>The ceiling probe at the run's concurrency, each half taking half the ceiling duration; null when the
    /// target has no ceiling or it is switched off.</summary>
    private static CeilingProbe? CreateCeilingProbe(BenchOptions options, IBenchTarget target)
    {
        var duration = options.EffectiveCeilingDuration;
        if (!target.HasCeiling || duration <= TimeSpan.Zero)
        {
            return null;
        }
        var plan = new LoadPlan(Rate: null, options.Concurrency, options.MaxInFlight, duration / 2, options.MaxOperations);
        return new CeilingProbe(target, plan);
    }

    private static (RunStats? Stats, string? Note) CeilingResult(BenchOptions options, IBenchTarget target, CeilingProbe? probe)
    {
        if (probe is null)
        {
            return (null, target.HasCeiling ? "skipped (--no-ceiling)" : null);
        }
        if (probe.Stats.Succeeded == 0)
        {
            var errors = probe.Stats.Errors.Snapshot();
            var first = errors.Count > 0 ? $"{errors[0].Key} × {errors[0].Count}" : "no answer";
            return (null, $"unavailable: GET /ping failed ({first}); is the route mapped?");
        }
        return (probe.Stats, $"{options.EffectiveCeilingDuration.TotalSeconds:0.#} s in two halves around the scenario: {probe.Halves}");
    }

    private static string? BuiltApiAssembly() =>
        typeof(BenchRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AfterSales.ApiAssembly")?.Value is { Length: > 0 } path ? path : null;

    private static void Progress(string line) => Console.Error.WriteLine($"[bench] {line}");
}
