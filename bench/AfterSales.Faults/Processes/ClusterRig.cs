using System.Globalization;
using Npgsql;

namespace AfterSales.Faults.Processes;

/// <summary>A real cluster on one machine: N silo processes (Cluster mode) and one API process (Client mode) on a
/// PostgreSQL database, on loopback ports from <see cref="LoopbackPorts"/>. Silos can be killed (<c>kill -9</c>),
/// stopped (SIGTERM), started and added; disposing kills whatever still runs.</summary>
public sealed class ClusterRig : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly List<SiloNode> _silos = [];
    private readonly List<ChildProcess> _all = [];
    private readonly LoopbackPorts _ports;
    private readonly IReadOnlyDictionary<string, string> _extra;
    private int _started;

    private ClusterRig(string connectionString, string clusterId, string logDirectory, LoopbackPorts ports, IReadOnlyDictionary<string, string> extra)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("maxpoolsize", StringComparison.OrdinalIgnoreCase))
        {
            // Two pools per silo (storage; membership and reminders): a few silos stay far below a stock server's 100.
            builder.MaxPoolSize = 5;
        }
        ConnectionString = builder.ToString();
        ClusterId = clusterId;
        LogDirectory = logDirectory;
        _ports = ports;
        _extra = extra;
    }

    public string ConnectionString { get; }

    /// <summary>Also the service id (the key of the stored state).</summary>
    public string ClusterId { get; }

    public string LogDirectory { get; }

    public Uri ApiAddress { get; private set; } = new("http://127.0.0.1");

    public ChildProcess? Api { get; private set; }

    /// <summary>The silos started and not stopped or killed, oldest first.</summary>
    public IReadOnlyList<SiloNode> Silos => _silos;

    /// <summary>Starts <paramref name="silos"/> silos (the first alone: it applies the schema), then the API.</summary>
    /// <param name="extra">More configuration for every silo and the API (e.g. membership timing).</param>
    public static async Task<ClusterRig> StartAsync(
        string connectionString, int silos, string logDirectory, LoopbackPorts ports, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var rig = new ClusterRig(connectionString, $"faults-{Guid.NewGuid():N}"[..20], logDirectory, ports, extra ?? new Dictionary<string, string>());
        try
        {
            await rig.StartSiloAsync(cancellationToken);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(_ => rig.StartSiloAsync(cancellationToken)));
            await rig.StartApiAsync(cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo and returns once the membership table lists it active.</summary>
    public async Task<SiloNode> StartSiloAsync(CancellationToken cancellationToken)
    {
        var name = $"silo-{Interlocked.Increment(ref _started).ToString(CultureInfo.InvariantCulture)}";
        var (siloPort, gatewayPort) = (_ports.NextSilo(), _ports.NextGateway());
        var settings = Common(new Dictionary<string, string>
        {
            ["AfterSales:Hosting:Mode"] = "Cluster",
            ["AfterSales:Hosting:AdvertisedAddress"] = "127.0.0.1",
            ["AfterSales:Hosting:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["AfterSales:Hosting:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        var silo = new SiloNode(name, siloPort, gatewayPort, Track(ChildProcess.Start(name, BuiltPrograms.Silo, settings, LogDirectory)));
        lock (_silos)
        {
            _silos.Add(silo);
        }
        await Readiness.WaitForSiloAsync(ConnectionString, ClusterId, silo.SiloPort, Readiness.Active, silo.Process, StartTimeout, cancellationToken);
        return silo;
    }

    /// <summary><c>kill -9</c> of a silo; it stays listed in the membership table until the others declare it dead.</summary>
    public void Kill(SiloNode silo)
    {
        silo.Process.Kill();
        Forget(silo);
    }

    /// <summary>A graceful stop (SIGTERM): the silo leaves the cluster and deactivates its grains.</summary>
    public async Task StopAsync(SiloNode silo, CancellationToken cancellationToken)
    {
        await silo.Process.StopAsync(TimeSpan.FromSeconds(30));
        Forget(silo);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Polls the membership table until the silo is declared dead; returns how long that took from now.</summary>
    public Task<TimeSpan> WaitUntilDeadAsync(SiloNode silo, TimeSpan timeout, CancellationToken cancellationToken) =>
        Readiness.WaitForSiloAsync(ConnectionString, ClusterId, silo.SiloPort, Readiness.Dead, null, timeout, cancellationToken);

    /// <summary>The last lines of every process's log, for a failure message.</summary>
    public string Logs() => string.Join("\n", _all.Select(p => $"--- {p.Name} ({p.LogPath}){(p.HasExited ? ", exited" : "")}\n{p.LogTail(12)}"));

    public async ValueTask DisposeAsync()
    {
        // The API first, so it does not spend its last moments retrying silos that are gone.
        foreach (var process in Enumerable.Reverse(_all))
        {
            await process.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    private async Task StartApiAsync(CancellationToken cancellationToken)
    {
        ApiAddress = new Uri($"http://127.0.0.1:{_ports.NextApi().ToString(CultureInfo.InvariantCulture)}");
        var settings = Common(new Dictionary<string, string>
        {
            ["AfterSales:Hosting:Mode"] = "Client",
            ["ASPNETCORE_URLS"] = ApiAddress.ToString().TrimEnd('/'),
        });
        Api = Track(ChildProcess.Start("api", BuiltPrograms.Api, settings, LogDirectory));
        await Readiness.WaitForApiAsync(Api, ApiAddress, StartTimeout, cancellationToken);
    }

    private Dictionary<string, string> Common(Dictionary<string, string> settings)
    {
        settings["AfterSales:Hosting:ClusterId"] = ClusterId;
        settings["AfterSales:Hosting:ServiceId"] = ClusterId;
        settings["ConnectionStrings:AfterSales"] = ConnectionString;
        foreach (var (key, value) in Auth.BenchCredentials.Settings)
        {
            settings[key] = value;
        }
        // A line per case at Information would make the logs the load's bottleneck.
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:AfterSales"] = "Warning";
        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    private ChildProcess Track(ChildProcess process)
    {
        lock (_all)
        {
            _all.Add(process);
        }
        return process;
    }

    private void Forget(SiloNode silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
        }
    }
}
