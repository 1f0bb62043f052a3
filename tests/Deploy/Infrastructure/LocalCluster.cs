using System.Globalization;
using AfterSales.Faults.Processes;
using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Tests.Storage.Infrastructure;
using Npgsql;

namespace AfterSales.Tests.Deploy.Infrastructure;

/// <summary>deploy/local-cluster.sh driven against the test PostgreSQL server with a database of its own, the
/// published programs of <see cref="PublishedPrograms"/>, a temporary state folder and this suite's ports (silos
/// 11141+, gateways 30041+, API 8141). Dispose stops whatever is still running and drops the database; the processes the
/// script starts detached are recorded by its state folder in <see cref="OwnedProcesses"/>, so that a test host killed
/// before Dispose leaves them to the next run to stop.</summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const int ApiPort = 8141;

    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly OwnedProcesses.Registration _owned;

    /// <param name="apiHosting"><c>client</c> (the script's default: one API process) or <c>silo</c> (the API
    /// co-hosted in every silo, silo i on <see cref="ApiPort"/> + i - 1).</param>
    public LocalCluster(PublishedPrograms published, string apiHosting = "client")
    {
        _server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable));
        Variables = new Dictionary<string, string>
        {
            ["AFTERSALES_LOCAL_STATE"] = State,
            ["AFTERSALES_PUBLISH_DIR"] = published.Folder,
            ["AFTERSALES_PG_HOST"] = _server.Host ?? "127.0.0.1",
            ["AFTERSALES_PG_PORT"] = _server.Port.ToString(CultureInfo.InvariantCulture),
            ["AFTERSALES_PG_USER"] = _server.Username ?? "postgres",
            ["AFTERSALES_PG_PASSWORD"] = _server.Password ?? "",
            ["AFTERSALES_PG_DATABASE"] = Database,
            ["AFTERSALES_SILO_PORT"] = "11141",
            ["AFTERSALES_GATEWAY_PORT"] = "30041",
            ["AFTERSALES_API_PORT"] = ApiPort.ToString(CultureInfo.InvariantCulture),
            ["AFTERSALES_START_TIMEOUT"] = "90",
            ["AFTERSALES_STOP_TIMEOUT"] = "20",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["AFTERSALES_API_HOSTING"] = apiHosting,
        };
        // Every process the script starts inherits AFTERSALES_LOCAL_STATE: a pid file naming another process is not ours.
        _owned = OwnedProcesses.RecordPidFolder(State, $"AFTERSALES_LOCAL_STATE={State}");
    }

    public string State { get; } = Directory.CreateTempSubdirectory("aftersales-local-cluster-").FullName;

    public string Database { get; } = $"aftersales_deploy_{Guid.NewGuid():N}"[..30];

    public IReadOnlyDictionary<string, string> Variables { get; }

    public Uri ApiAddress { get; } = new($"http://127.0.0.1:{ApiPort}");

    public Task<ProcessRunner.Result> RunAsync(params string[] arguments) => ProcessRunner.RunAsync(
        "bash", [RepositoryFiles.PathOf("deploy/local-cluster.sh"), .. arguments], State, Variables, TimeSpan.FromMinutes(3));

    /// <summary>The pids the script recorded, by process name (api, silo-1, ...).</summary>
    public IReadOnlyDictionary<string, int> PidFiles() => Directory.GetFiles(State, "*.pid").ToDictionary(
        file => Path.GetFileNameWithoutExtension(file),
        file => int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture));

    public string Log(string name) => File.ReadAllText(Path.Combine(State, name + ".log"));

    /// <summary>Running and not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var pids = PidFiles().Values.ToList();
        if (pids.Count > 0)
        {
            await RunAsync("stop");
        }
        foreach (var pid in pids.Where(IsRunning))
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        var admin = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(State, recursive: true);
        _owned.Dispose();
    }
}
