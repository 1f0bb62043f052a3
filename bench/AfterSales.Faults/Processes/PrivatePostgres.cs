using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace AfterSales.Faults.Processes;

/// <summary>A PostgreSQL server of its own (initdb + pg_ctl in a temp folder, on a loopback port), so a test can stop
/// and start it without touching anybody else's server. As root it runs as the <c>postgres</c> user (runuser).
/// Disposing stops it and deletes its folder; a host killed before that leaves it recorded in <see cref="OwnedProcesses"/>,
/// and the next run stops it and deletes the folder.</summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly OwnedProcesses.Registration _owned;

    private PrivatePostgres(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
        // Recorded before initdb: the server daemonises, so nothing else would find it after a killed host.
        _owned = OwnedProcesses.RecordPostgres(bin, root, DataDirectory);
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The superuser's connection to the <c>postgres</c> database (trust authentication on loopback).</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = "postgres",
        Database = "postgres",
        MaxPoolSize = 10,
    }.ToString();

    /// <summary>The folder of PostgreSQL's programs (the newest installed), or null with the reason it cannot run here.</summary>
    public static string? FindPrograms(out string reason)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        reason = bin is null ? "PostgreSQL's initdb is not installed (/usr/lib/postgresql/*/bin)" : "";
        return bin;
    }

    public static async Task<PrivatePostgres> StartAsync(int port, CancellationToken cancellationToken)
    {
        var bin = FindPrograms(out var reason) ?? throw new InvalidOperationException(reason);
        OwnedProcesses.StopOrphans();
        if (!LoopbackPorts.IsFree(port))
        {
            throw new InvalidOperationException($"Port {port} is in use: cannot start a private PostgreSQL there.");
        }
        var root = Directory.CreateTempSubdirectory("aftersales-faults-pg-").FullName;
        var server = new PrivatePostgres(bin, root, port);
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", ["postgres:postgres", root], cancellationToken);
            }
            await server.RunPostgresAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8"], cancellationToken);
            await server.StartAgainAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) and returns once it accepts connections.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) => RunPostgresAsync("pg_ctl",
    [
        "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
        "-o", $"-h 127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c max_connections=200 -c fsync=off", "start",
    ], cancellationToken);

    /// <summary>Stops the server and returns once it is down. <paramref name="immediate"/>: no checkpoint, sessions cut
    /// as by a crash (recovery from the log on the next start).</summary>
    public Task StopAsync(bool immediate, CancellationToken cancellationToken) =>
        RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await StopAsync(immediate: true, CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already down.
            }
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        _owned.Dispose();
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunPostgresAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments], cancellationToken)
        : RunAsync(Path.Combine(_bin, program), arguments, cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
