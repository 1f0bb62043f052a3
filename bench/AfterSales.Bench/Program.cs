using System.Globalization;
using AfterSales.Bench;
using AfterSales.Bench.Faults;
using AfterSales.Bench.Options;
using AfterSales.Bench.Reporting;

// Reports and results are written the same way on every machine.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(Usage.Text);
    Console.WriteLine(FaultBenchOptions.Usage);
    return 0;
}
var faults = FaultBenchOptions.TryParse(args, out var faultError);
if (faultError is not null)
{
    Console.Error.WriteLine($"bench: {faultError}");
    return 2;
}
var (options, error) = faults is null ? OptionsParser.Parse(args) : (null, null);
if (options is null && faults is null)
{
    Console.Error.WriteLine($"bench: {error}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

using var abort = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the load and shuts the target down cleanly; a second one ends the process.
    e.Cancel = !abort.IsCancellationRequested;
    abort.Cancel();
};
try
{
    if (options is { RefreshStatusOnly: true })
    {
        var path = options.ResultsPath ?? ResultsFile.DefaultPath();
        await ResultsFile.RefreshStatusAsync(path, abort.Token);
        Console.Error.WriteLine($"[bench] status table in {path} rebuilt from {ResultsFile.LogPathFor(path)}");
        return 0;
    }
    return faults is not null ? await FaultBench.RunAsync(faults, abort.Token) : await BenchRun.ExecuteAsync(options!, abort.Token);
}
catch (BenchException ex)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (abort.IsCancellationRequested)
{
    Console.Error.WriteLine("bench: cancelled.");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"bench: failed: {ex}");
    return 1;
}
