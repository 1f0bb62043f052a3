using System.Diagnostics;
using System.Text;

namespace AfterSales.Bench.Drivers.Http;

/// <summary>The real API started as a child process on loopback with free ports and a private data folder;
/// stopped (SIGTERM, then kill) and its data folder removed when disposed.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly bool _keepData;

    private ApiProcess(Process process, StreamWriter log, Uri baseAddress, string dataDirectory, string logPath, bool keepData)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        LogPath = logPath;
        _keepData = keepData;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>The child's stdout and stderr.</summary>
    public string LogPath { get; }

    /// <summary>Starts the API assembly and waits until <c>/health/ready</c> answers 200.</summary>
    /// <param name="settings">Configuration keys (<c>AfterSales:Hosting:Mode</c> style) passed as environment variables.</param>
    public static async Task<ApiProcess> StartAsync(
        string apiAssembly, IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout, bool keepData, CancellationToken cancellationToken)
    {
        if (!File.Exists(apiAssembly))
        {
            throw new BenchException($"The API assembly '{apiAssembly}' does not exist; build src/Api in the same configuration or pass --api-assembly.");
        }
        var root = Directory.CreateTempSubdirectory("aftersales-bench-").FullName;
        var dataDirectory = Path.Combine(root, "data");
        Directory.CreateDirectory(dataDirectory);
        var logPath = Path.Combine(root, "api.log");
        var httpPort = Loopback.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");

        var start = CreateStartInfo(apiAssembly);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["AfterSales__Hosting__DataDirectory"] = dataDirectory;
        // Measurements start from an empty store: no demo data set.
        start.Environment["AfterSales__Demo__Seed"] = "false";
        foreach (var (key, value) in global::AfterSales.Faults.Auth.BenchCredentials.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["AfterSales__Hosting__SiloPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AfterSales__Hosting__GatewayPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        if (!process.Start())
        {
            await log.DisposeAsync();
            throw new BenchException($"Could not start '{apiAssembly}'.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, log, baseAddress, dataDirectory, logPath, keepData);
        try
        {
            await api.WaitUntilReadyAsync(readyTimeout, cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A graceful stop lets the silo deactivate grains and close its storage cleanly.
            SendTerminate(_process.Id);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        _process.Dispose();
        await _log.DisposeAsync();
        if (!_keepData)
        {
            TryDelete(Path.GetDirectoryName(DataDirectory)!);
        }
    }

    /// <summary>CPU time the API process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The API process's working set in bytes now.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The API's own one-line account of how it hosts Orleans (mode, storage), from its start-up log.</summary>
    public string? HostingLine()
    {
        const string Marker = "Orleans hosting:";
        var line = ReadLog().Split('\n').FirstOrDefault(l => l.Contains(Marker, StringComparison.Ordinal));
        return line?[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim()
            .Replace(DataDirectory, "<temp data>", StringComparison.Ordinal);
    }

    /// <summary>The last lines of the child's output, for error messages.</summary>
    public string LogTail(int lines = 30) => string.Join('\n', ReadLog().Split('\n').TakeLast(lines));

    private string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new BenchException($"The API exited with code {_process.ExitCode} before it was ready. Last output:\n{LogTail()}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"/health/ready answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "/health/ready timed out";
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        throw new BenchException($"The API was not ready within {timeout.TotalSeconds:0} s ({last}). Last output:\n{LogTail()}");
    }

    private static ProcessStartInfo CreateStartInfo(string apiAssembly)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(apiAssembly))!;
        var appHost = Path.Combine(folder, Path.GetFileNameWithoutExtension(apiAssembly) + (OperatingSystem.IsWindows() ? ".exe" : ""));
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo("dotnet") { ArgumentList = { apiAssembly } };
        // The content root (appsettings.json) is the working directory of a minimal API host.
        start.WorkingDirectory = folder;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    private static void SendTerminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill?.WaitForExit();
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
