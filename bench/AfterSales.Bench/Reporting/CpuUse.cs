using System.Diagnostics;
using System.Globalization;

namespace AfterSales.Bench.Reporting;

/// <summary>Cores used during the measured phase by the bench process and by the server process it started.
/// Their sum well below the core count while the load average is high means others took the CPU.</summary>
internal sealed record CpuUse(double BenchCores, double? ServerCores)
{
    public override string ToString() => ServerCores is { } server
        ? string.Create(CultureInfo.InvariantCulture, $"bench {BenchCores:0.00} cores, API process {server:0.00} cores")
        : string.Create(CultureInfo.InvariantCulture, $"bench process (load generator and silo) {BenchCores:0.00} cores");

    /// <summary>Starts measuring; <paramref name="server"/> reads the server's CPU time (null when there is none).</summary>
    public static Func<CpuUse> Start(Func<TimeSpan?> server)
    {
        var started = Stopwatch.GetTimestamp();
        var bench = Process.GetCurrentProcess().TotalProcessorTime;
        var serverStart = server();
        return () =>
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var benchUsed = (Process.GetCurrentProcess().TotalProcessorTime - bench).TotalSeconds / seconds;
            var serverEnd = server();
            double? serverUsed = serverStart is { } a && serverEnd is { } b ? (b - a).TotalSeconds / seconds : null;
            return new CpuUse(benchUsed, serverUsed);
        };
    }
}
