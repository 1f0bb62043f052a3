using System.Globalization;

namespace AfterSales.Bench.Faults;

/// <summary>Options of the fault scenarios (<c>failover</c>, <c>mixed</c>), parsed apart from the load scenarios' since
/// they run a cluster of processes rather than one API.</summary>
internal sealed record FaultBenchOptions(string Scenario, TimeSpan Duration, int Silos, int Workers, TimeSpan KillInterval, string? Postgres)
{
    public static readonly string[] Scenarios = ["failover", "rolling", "mixed"];

    public const string Usage = """
        Fault scenarios (real silo and API processes on PostgreSQL; deploy/FAULTS.md):
          --scenario failover   kill -9 a silo every --kill-interval (default 60s) and start it again, under a write load
          --scenario rolling    restart every silo in turn (SIGTERM, new process) every --kill-interval, under a write load
          --scenario mixed      70 % reads / 30 % writes for --duration (default 10m) against --silos silos
          --duration T          how long the load runs (failover and rolling default 5m, mixed 10m; at most 60m)
          --silos N             silos in the cluster (default 3)
          --workers N           concurrent clients (default: failover and rolling 6, mixed 32)
          --kill-interval T     failover and rolling: time between faults (default 60s, at least 20s)
          --postgres CS         the PostgreSQL server (a scratch database is created and dropped); default
                                AFTERSALES_TEST_POSTGRES, else a private server started on 127.0.0.1:5448
        Every acknowledged write is checked against the database at the end (lost, duplicated); exit code 3 when not clean.
        """;

    /// <summary>The options when <paramref name="args"/> name a fault scenario; null when they name another one.</summary>
    public static FaultBenchOptions? TryParse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        // The scenario is found wherever it stands: pairing the arguments from the start would shift every pair after a
        // value-less option (--no-ceiling --scenario failover) and take a fault scenario for one of the load's.
        var at = args.ToList().IndexOf("--scenario");
        if (at < 0 || at + 1 >= args.Count || !Scenarios.Contains(args[at + 1]))
        {
            return null;
        }
        var scenario = args[at + 1];
        var known = new HashSet<string>(["--scenario", "--duration", "--silos", "--workers", "--kill-interval", "--postgres"], StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Count)
            {
                error = $"the {scenario} scenario takes only {string.Join(", ", known)} (each with a value); got '{args[i]}'"
                    + (known.Contains(args[i]) ? " without a value" : "");
                return null;
            }
            values[args[i]] = args[i + 1];
        }
        var failover = scenario != "mixed";
        var options = new FaultBenchOptions(scenario,
            Time(values, "--duration", failover ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(10)),
            Number(values, "--silos", 3),
            Number(values, "--workers", failover ? 6 : 32),
            Time(values, "--kill-interval", TimeSpan.FromSeconds(60)),
            values.GetValueOrDefault("--postgres") ?? Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES"));
        error = options.Duration <= TimeSpan.Zero || options.Duration > TimeSpan.FromMinutes(60) ? "--duration must be more than 0 and at most 60m"
            : options.Silos is < 1 or > 9 ? "--silos must be 1 to 9"
            : failover && options.Silos < 2 ? $"{scenario} needs at least 2 silos"
            : options.Workers is < 1 or > 512 ? "--workers must be 1 to 512"
            : options.KillInterval < TimeSpan.FromSeconds(20) ? "--kill-interval must be at least 20s"
            : null;
        return error is null ? options : null;
    }

    private static int Number(Dictionary<string, string> values, string key, int fallback) =>
        values.TryGetValue(key, out var text) ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1 : fallback;

    /// <summary>A duration as <c>90s</c>, <c>10m</c>, <c>1h</c> or <c>hh:mm:ss</c>.</summary>
    internal static TimeSpan Time(Dictionary<string, string> values, string key, TimeSpan fallback)
    {
        if (!values.TryGetValue(key, out var text))
        {
            return fallback;
        }
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (unit is 's' or 'm' or 'h' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return unit switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromHours(amount) };
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.MinValue;
    }
}
