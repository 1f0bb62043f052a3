using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace AfterSales.Tests.Browser.Infrastructure;

/// <summary>The API process as <c>dotnet run --project src/Api</c> starts it (its build output, embedded mode, the demo
/// data set on), on a free port with a data directory of its own; stopped and removed when disposed.</summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDirectory;
    private readonly StringWriter output = new();

    private ConsoleProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ConsoleProcess> StartAsync()
    {
        var apiProject = Path.Combine(RepositoryRoot(), "src", "Api");
        var configuration = typeof(ConsoleProcess).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(apiProject, "bin", configuration, "net10.0", "AfterSales.Api.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build src/Api ({configuration}) first.");
        }
        var dataDirectory = Path.Combine(Path.GetTempPath(), "aftersales-tests-browser", Guid.NewGuid().ToString("N"));
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = apiProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["AfterSales__Hosting__DataDirectory"] = dataDirectory;
        start.Environment["AfterSales__Hosting__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AfterSales__Hosting__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AfterSales__Hosting__ClusterId"] = "browser-" + Guid.NewGuid().ToString("N")[..8];
        start.Environment["AfterSales__Dashboard__Enabled"] = "false";
        var console = new ConsoleProcess(Process.Start(start)!, dataDirectory, baseAddress);
        try
        {
            await console.WaitForDemoDataAsync(TimeSpan.FromSeconds(180));
            return console;
        }
        catch
        {
            // A fixture that fails to start is never disposed: stop the process here, or it outlives the test run.
            await console.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ready once the demo data set's last customer answers (the seeder creates it last).</summary>
    private async Task WaitForDemoDataAsync(TimeSpan deadline)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var end = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < end)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                if (client.DefaultRequestHeaders.Authorization is null)
                {
                    // The embedded mode's development tokens, as the console's sign-in page uses them.
                    using var signIn = await client.PostAsJsonAsync("/api/dev/tokens", new { role = "admin", subject = "browser-tests" });
                    if (signIn.StatusCode == HttpStatusCode.OK && await signIn.Content.ReadFromJsonAsync<Token>() is { AccessToken: { } token })
                    {
                        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                    }
                }
                using var response = await client.GetAsync("/api/customers/C-9006");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The API did not seed its demo data within {deadline.TotalSeconds} s:\n{Output}");
    }

    /// <summary>A client of the API with a development token for <paramref name="role"/> (as the sign-in page gets one), for
    /// what a test prepares or checks outside the browser.</summary>
    public async Task<HttpClient> ClientAsync(string role, string subject)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var signIn = await client.PostAsJsonAsync("/api/dev/tokens", new { role, subject });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<Token>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.WriteLine(line);
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AfterSales.Orleans.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("AfterSales.Orleans.sln not found above the test output.");
    }

    private sealed record Token(string? AccessToken);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
