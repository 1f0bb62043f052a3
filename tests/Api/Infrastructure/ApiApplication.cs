using System.Net;
using AfterSales.Api.Hosting;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>The real API (its Program) on Kestrel at 127.0.0.1 on a free port, with an embedded silo on free
/// silo and gateway ports and a fresh data directory, so it runs beside other test assemblies.</summary>
/// <remarks>The factory is keyed by a public type of the API assembly rather than <c>Program</c>: the silo
/// assembly has a <c>Program</c> of its own that is visible here too.</remarks>
public class ApiApplication : WebApplicationFactory<ApiOptions>, IAsyncLifetime
{
    private readonly string dataDirectory;
    private readonly bool ownsDataDirectory;

    public ApiApplication()
        : this(NewDataDirectory(), ownsDataDirectory: true)
    {
    }

    /// <param name="dataDirectory">Where the embedded silo keeps its SQLite file.</param>
    /// <param name="ownsDataDirectory">Delete the folder when the app is disposed.</param>
    protected ApiApplication(string dataDirectory, bool ownsDataDirectory)
    {
        this.dataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>An app on a data directory the caller keeps, e.g. to start a second process on the same data.</summary>
    public static ApiApplication OnDataDirectory(string dataDirectory) => new(dataDirectory, ownsDataDirectory: false);

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "aftersales-tests-api", Guid.NewGuid().ToString("N"));

    /// <summary>Settings on top of appsettings.json (e.g. a tiny concurrency limit).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting lands in the host configuration, which Program reads before Build().
        builder.UseSetting("AfterSales:Hosting:Mode", "Embedded");
        builder.UseSetting("AfterSales:Hosting:DataDirectory", dataDirectory);
        builder.UseSetting("AfterSales:Hosting:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AfterSales:Hosting:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AfterSales:Hosting:ClusterId", "api-tests-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task InitializeAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        using var probe = CreateClient();
        BaseAddress = probe.BaseAddress!;
        return Task.CompletedTask;
    }

    /// <summary>A client of the running server (a new one per caller, so default headers never leak between tests).</summary>
    public HttpClient CreateApiClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (ownsDataDirectory)
        {
            DeleteDataDirectory(dataDirectory);
        }
    }

    public static void DeleteDataDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiApplication>
{
    public const string Name = "api";
}
