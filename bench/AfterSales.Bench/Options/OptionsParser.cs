using System.Globalization;

namespace AfterSales.Bench.Options;

/// <summary>Parses and checks the command line. Every run is bounded: duration, operation count and
/// concurrency have hard upper limits, and only loopback URLs are accepted.</summary>
internal static class OptionsParser
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);
    public const long MaxOperationsLimit = 10_000_000;
    public const int MaxConcurrency = 10_000;
    public const int MaxDevices = 5_000_000;
    public const double MaxRate = 200_000;

    /// <summary>Parsed options, or an error message for the user.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions { Arguments = [.. args] };
        var concurrencyGiven = false;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
                switch (name)
                {
                    case "--mode": options.Mode = ParseEnum<BenchMode>(name, Value()); break;
                    case "--scenario": options.Scenario = ParseScenario(Value()); break;
                    case "--url": options.Urls = ParseUrls(Value()); break;
                    case "--self-host": options.Urls = []; break;
                    case "--postgres": options.Postgres = ParsePostgres(Value()); break;
                    case "--rate": options.Rate = ParseDouble(name, Value(), 0.1, MaxRate); break;
                    case "--concurrency": options.Concurrency = (int)ParseLong(name, Value(), 1, MaxConcurrency); concurrencyGiven = true; break;
                    case "--max-in-flight": options.MaxInFlight = (int)ParseLong(name, Value(), 1, MaxConcurrency); break;
                    case "--duration": options.Duration = ParseDuration(name, Value(), TimeSpan.FromSeconds(1), MaxDuration); break;
                    case "--warmup": options.Warmup = ParseDuration(name, Value(), TimeSpan.Zero, MaxDuration); break;
                    case "--max-requests": options.MaxOperations = ParseLong(name, Value(), 1, MaxOperationsLimit); break;
                    case "--timeout": options.Timeout = ParseDuration(name, Value(), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2)); break;
                    case "--ceiling-duration": options.CeilingDuration = ParseDuration(name, Value(), TimeSpan.Zero, MaxDuration); break;
                    case "--no-ceiling": options.CeilingDuration = TimeSpan.Zero; break;
                    case "--storage": options.MemoryStorage = ParseStorage(Value()); break;
                    case "--customers": options.Customers = (int)ParseLong(name, Value(), 1, 1_000_000); break;
                    case "--technicians": options.Technicians = (int)ParseLong(name, Value(), 0, 100_000); break;
                    case "--capacity": options.Capacity = (int)ParseLong(name, Value(), 1, 1_000_000); break;
                    case "--list-rows": options.ListRows = (int)ParseLong(name, Value(), 1, 10_000_000); break;
                    case "--active-cases": options.ActiveCases = (int)ParseLong(name, Value(), 1, 1_000_000); break;
                    case "--batch-rows": options.BatchRows = (int)ParseLong(name, Value(), 1, 2_000); break;
                    case "--batch-devices": options.BatchDevices = (int)ParseLong(name, Value(), 1, 2_000); break;
                    case "--regions": options.Regions = ParseRegions(Value()); break;
                    case "--decisions-only": options.DecisionsOnly = true; break;
                    case "--release-assigned": options.ReleaseAssigned = true; break;
                    case "--idempotency-keys": options.IdempotencyKeys = true; break;
                    case "--queue-target": options.QueueTarget = ParseLong(name, Value(), 1, MaxOperationsLimit); break;
                    case "--window": options.WindowSize = (int)ParseLong(name, Value(), 10, 1_000_000); break;
                    case "--resolves": options.Resolves = (int)ParseLong(name, Value(), 0, 100_000); break;
                    case "--pull-workers": options.PullWorkers = (int)ParseLong(name, Value(), 1, 1_000); break;
                    case "--drain-timeout": options.DrainTimeout = ParseDuration(name, Value(), TimeSpan.FromSeconds(1), MaxDuration); break;
                    case "--poll-interval": options.PollInterval = ParseDuration(name, Value(), TimeSpan.Zero, TimeSpan.FromSeconds(1)); break;
                    case "--heavy-events": options.HeavyEvents = (int)ParseLong(name, Value(), 1, 100_000); break;
                    case "--heavy-notes": options.HeavyNotes = (int)ParseLong(name, Value(), 0, 200); break;
                    case "--cases": options.Cases = (int)ParseLong(name, Value(), 1, 1_000_000); break;
                    case "--sla-target": options.SlaTarget = ParseDuration(name, Value(), TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)); break;
                    case "--fresh-cases": options.FreshCases = (int)ParseLong(name, Value(), 1, 10_000); break;
                    case "--devices": options.Devices = (int)ParseLong(name, Value(), 1, MaxDevices); break;
                    case "--probes": options.Probes = (int)ParseLong(name, Value(), 1, 100_000); break;
                    case "--probe-spread": options.ProbeSpread = ParseDuration(name, Value(), TimeSpan.Zero, MaxDuration); break;
                    case "--per-entry": options.PerEntry = true; break;
                    case "--register-devices": options.RegisterDevices = true; break;
                    case "--horizon": options.Horizon = ParseDuration(name, Value(), TimeSpan.FromHours(1), TimeSpan.FromDays(366)); break;
                    case "--seed": options.Seed = (int)ParseLong(name, Value(), 0, int.MaxValue); break;
                    case "--note": options.Note = Value(); break;
                    case "--results": options.ResultsPath = Value(); break;
                    case "--no-results": options.WriteResults = false; break;
                    case "--refresh-status": options.RefreshStatusOnly = true; break;
                    case "--api-assembly": options.ApiAssembly = Value(); break;
                    case "--set": AddSetting(options, Value()); break;
                    case "--keep-data": options.KeepData = true; break;
                    default: throw new FormatException($"Unknown option '{name}'.");
                }
            }
            Check(options, concurrencyGiven);
            return (options, null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Accepts <c>20s</c>, <c>500ms</c>, <c>2m</c>, <c>12h</c>, <c>30d</c> or a plain number of seconds.</summary>
    public static TimeSpan ParseDuration(string name, string text, TimeSpan min, TimeSpan max)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1d)
            : text.EndsWith('m') ? (text[..^1], 60d)
            : text.EndsWith('h') ? (text[..^1], 3_600d)
            : text.EndsWith('d') ? (text[..^1], 86_400d)
            : (text, 1d);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            throw new FormatException($"{name}: '{text}' is not a duration (e.g. 20s, 500ms, 2m).");
        }
        var duration = TimeSpan.FromSeconds(value * unit);
        if (duration < min || duration > max)
        {
            throw new FormatException($"{name}: {text} is outside {min.TotalSeconds:0.###} s – {max.TotalSeconds:0.###} s.");
        }
        return duration;
    }

    private static void Check(BenchOptions options, bool concurrencyGiven)
    {
        if (options.Scenario == ScenarioKind.Peak && !concurrencyGiven)
        {
            // The season as a new user measured it: 32 writers.
            options.Concurrency = 32;
        }
        if (options.Scenario == ScenarioKind.HeavyCase)
        {
            if (concurrencyGiven && options.Concurrency != 1)
            {
                throw new FormatException("--concurrency: heavy-case changes one case's state one change at a time (1 in flight).");
            }
            options.Concurrency = 1;
        }
        if ((options.Scenario is ScenarioKind.Peak or ScenarioKind.HeavyCase) && options.Rate is not null)
        {
            throw new FormatException($"--rate: {ScenarioNames.Of(options.Scenario)} runs a closed loop.");
        }
        if (options.Scenario == ScenarioKind.Peak && options.EffectiveRegions.Count < 2)
        {
            throw new FormatException("--regions: peak needs two regions (one queues, the warm-up uses the other).");
        }
        if (options.Scenario == ScenarioKind.KpiRead && (options.Mode != BenchMode.Http || options.Url is not null))
        {
            throw new FormatException("--scenario kpi-read: needs --mode http with the API the bench starts (it seeds that API's data folder).");
        }
        if (options.Scenario == ScenarioKind.SlaClocks && options.Mode != BenchMode.Http)
        {
            throw new FormatException("--scenario sla-clocks is for --mode http (it sets the policy and reads the events through the API).");
        }
        if (options.Scenario == ScenarioKind.Maintenance && options.Mode != BenchMode.InProc)
        {
            throw new FormatException("--scenario maintenance is for --mode inproc (the scheduler has no HTTP route; it measures the silo).");
        }
        if (options.Scenario == ScenarioKind.Maintenance && options.Rate is not null)
        {
            throw new FormatException("--rate: maintenance waits for the scheduler's hand-overs (a closed loop).");
        }
        if (options.RegisterDevices && options.Scenario != ScenarioKind.Maintenance)
        {
            throw new FormatException("--register-devices is for --scenario maintenance.");
        }
        if (options.Scenario == ScenarioKind.Maintenance)
        {
            // The probes fall due during the measured phase: a warm-up would take the first of them.
            options.Warmup = TimeSpan.Zero;
        }
        if (options.Url is not null && options.Mode != BenchMode.Http)
        {
            throw new FormatException("--url is for --mode http.");
        }
        if (options.Postgres is not null && (options.Mode != BenchMode.Http || options.Url is null))
        {
            throw new FormatException("--postgres is for --mode http --url URL: the database of the cluster behind that API.");
        }
        if (options.MemoryStorage && options.Mode != BenchMode.InProc)
        {
            throw new FormatException("--storage memory is for --mode inproc (the HTTP mode measures the API as configured).");
        }
        if (options.DecisionsOnly && (options.Mode != BenchMode.InProc || options.Scenario != ScenarioKind.Routing))
        {
            throw new FormatException("--decisions-only is for --mode inproc --scenario routing.");
        }
        if (options.ReleaseAssigned && !options.DecisionsOnly)
        {
            throw new FormatException("--release-assigned is for --decisions-only.");
        }
        if (options.Url is not null && (options.Settings.Count > 0 || options.ApiAssembly is not null))
        {
            throw new FormatException("--set and --api-assembly configure a self-hosted API; a running instance (--url) keeps its own configuration.");
        }
        if ((options.Scenario is ScenarioKind.Routing or ScenarioKind.Lifecycle or ScenarioKind.Peak or ScenarioKind.HeavyCase) && options.TechnicianCount == 0)
        {
            throw new FormatException($"--scenario {ScenarioNames.Of(options.Scenario)} needs technicians (--technicians > 0).");
        }
    }

    private static TEnum ParseEnum<TEnum>(string name, string text) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw new FormatException($"{name}: '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.");

    private static ScenarioKind ParseScenario(string text) =>
        ScenarioNames.TryParse(text, out var kind) ? kind : throw new FormatException($"--scenario: '{text}' is not one of {ScenarioNames.All}.");

    /// <summary>One URL, or several separated by commas (the requests go to each in turn).</summary>
    private static List<Uri> ParseUrls(string text)
    {
        List<Uri> urls = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseUrl)];
        return urls.Count > 0 ? urls : throw new FormatException($"--url: '{text}' names no URL.");
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"--url: '{text}' is not an http(s) URL.");
        }
        if (!Drivers.Loopback.IsLoopback(url))
        {
            throw new FormatException($"--url: '{text}' is not a loopback address; the bench only loads this machine.");
        }
        return url;
    }

    /// <summary>An Npgsql connection string to a server on this machine (a host name of loopback or a Unix socket folder).</summary>
    private static string ParsePostgres(string text)
    {
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"--postgres: not an Npgsql connection string ({ex.Message}).");
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new FormatException("--postgres: give Host and Database (e.g. Host=127.0.0.1;Port=5432;Database=aftersales;Username=postgres;Password=postgres).");
        }
        var hosts = builder.Host.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!hosts.All(host => host.StartsWith('/') || Drivers.Loopback.IsLoopbackHost(host)))
        {
            throw new FormatException($"--postgres: host '{builder.Host}' is not a loopback address; the bench only loads this machine.");
        }
        return builder.ConnectionString;
    }

    private static bool ParseStorage(string text) => text.ToLowerInvariant() switch
    {
        "memory" => true,
        "default" or "durable" => false,
        _ => throw new FormatException($"--storage: '{text}' is not one of default, memory."),
    };

    private static string[] ParseRegions(string text)
    {
        var regions = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return regions.Length == 0 || regions.Distinct(StringComparer.Ordinal).Count() != regions.Length
            ? throw new FormatException("--regions: give distinct region slugs separated by commas.")
            : regions;
    }

    private static void AddSetting(BenchOptions options, string text)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new FormatException($"--set: '{text}' is not Key=Value.");
        }
        options.Settings[text[..separator]] = text[(separator + 1)..];
    }

    private static long ParseLong(string name, string text, long min, long max) =>
        long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name}: '{text}' is not a whole number in {min}–{max}.");

    private static double ParseDouble(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name}: '{text}' is not a number in {min}–{max}.");
}
