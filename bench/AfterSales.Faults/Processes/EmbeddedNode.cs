using System.Globalization;

namespace AfterSales.Faults.Processes;

/// <summary>The API in Embedded mode (one process, co-hosted silo, SQLite file in its own data folder), started again
/// on the same folder and ports after a <c>kill -9</c>. Disposing kills it and deletes the folder.</summary>
public sealed class EmbeddedNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Dictionary<string, string> _settings;
    private readonly string _root;
    private int _starts;

    private EmbeddedNode(string root, LoopbackPorts ports)
    {
        _root = root;
        ServiceId = $"faults-{Guid.NewGuid():N}"[..20];
        ApiAddress = new Uri($"http://127.0.0.1:{ports.NextApi().ToString(CultureInfo.InvariantCulture)}");
        _settings = new Dictionary<string, string>
        {
            ["AfterSales:Hosting:Mode"] = "Embedded",
            ["AfterSales:Hosting:DataDirectory"] = DataDirectory,
            // The ledger accounts for every case: no demo data set.
            ["AfterSales:Demo:Seed"] = "false",
            ["AfterSales:Hosting:SiloPort"] = ports.NextSilo().ToString(CultureInfo.InvariantCulture),
            ["AfterSales:Hosting:GatewayPort"] = ports.NextGateway().ToString(CultureInfo.InvariantCulture),
            ["AfterSales:Hosting:ClusterId"] = ServiceId,
            ["AfterSales:Hosting:ServiceId"] = ServiceId,
            ["ASPNETCORE_URLS"] = ApiAddress.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AfterSales"] = "Warning",
        };
        foreach (var (key, value) in Auth.BenchCredentials.Settings)
        {
            _settings[key] = value;
        }
    }

    public string ServiceId { get; }

    public Uri ApiAddress { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string DatabasePath => Path.Combine(DataDirectory, "aftersales.db");

    public string LogDirectory => Path.Combine(_root, "logs");

    public ChildProcess? Process { get; private set; }

    public static async Task<EmbeddedNode> StartAsync(LoopbackPorts ports, CancellationToken cancellationToken)
    {
        var node = new EmbeddedNode(Directory.CreateTempSubdirectory("aftersales-faults-embedded-").FullName, ports);
        try
        {
            await node.StartAgainAsync(cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process on the data folder and returns once it is ready.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (Process is { HasExited: false })
        {
            throw new InvalidOperationException("The embedded API still runs.");
        }
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
        Process = ChildProcess.Start($"api-{++_starts}", BuiltPrograms.Api, _settings, LogDirectory);
        await Readiness.WaitForApiAsync(Process, ApiAddress, StartTimeout, cancellationToken);
    }

    public void Kill() => Process?.Kill();

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
