using System.Net;
using System.Net.Http.Headers;
using AfterSales.Api.Hosting;
using AfterSales.Hosting;
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
    /// <summary>Regions that tests take one at a time (<see cref="NewRegion"/>), so departments, strategies and
    /// neighbours a test sets up are its own.</summary>
    public const int SpareRegionCount = 160;

    /// <summary>The time zone of every spare region, which shift patterns are read in.</summary>
    public const string SpareRegionTimeZone = "Asia/Shanghai";

    /// <summary>Regions that no two apps of the test process share (<see cref="NewRegionOfTheProcess"/>).</summary>
    public const int ProcessRegionCount = 12;

    /// <summary>Every configured region: the default ones, which shared tests use, the spare ones, then those of the
    /// process.</summary>
    public static IReadOnlyList<string> Regions { get; } =
    [
        .. AfterSalesOptions.DefaultRegions,
        .. Enumerable.Range(1, SpareRegionCount).Select(SpareRegion),
        .. Enumerable.Range(1, ProcessRegionCount).Select(ProcessRegion),
    ];

    private static int processRegionsTaken;

    private readonly string dataDirectory;
    private readonly bool ownsDataDirectory;
    private int regionsTaken;

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

    /// <summary>False to serve only the regions of appsettings.json (the published document's configuration).</summary>
    protected virtual bool SpareRegions => true;

    /// <summary>Settings on top of appsettings.json (e.g. a tiny concurrency limit).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Signs tokens with this app's development key.</summary>
    public TestTokens Tokens => field ??= TestTokens.Of(Services);

    /// <summary>The admin token every client of <see cref="CreateApiClient()"/> sends.</summary>
    public string AdminToken => field ??= Tokens.Admin();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting lands in the host configuration, which Program reads before Build().
        builder.UseSetting("AfterSales:Hosting:Mode", "Embedded");
        builder.UseSetting("AfterSales:Hosting:DataDirectory", dataDirectory);
        // Tests make their own data; the demo data set has tests of its own (DemoDataTests).
        builder.UseSetting("AfterSales:Demo:Seed", "false");
        builder.UseSetting("AfterSales:Hosting:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AfterSales:Hosting:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AfterSales:Hosting:ClusterId", "api-tests-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The dashboard (on in Development, which the factory runs in) profiles every grain call: only its tests turn it on.
        builder.UseSetting("AfterSales:Dashboard:Enabled", "false");
        // One admin token carries every test of a collection: the per-caller limits would meet the suite, not a person.
        builder.UseSetting("AfterSales:Auth:RateLimits:PerUser", "100000000");
        builder.UseSetting("AfterSales:Auth:RateLimits:PerApiKey", "100000000");
        builder.UseSetting("AfterSales:Auth:RateLimits:PerAnonymousAddress", "100000000");
        if (SpareRegions)
        {
            for (var i = 0; i < Regions.Count; i++)
            {
                builder.UseSetting($"AfterSales:Regions:{i}", Regions[i]);
            }
            foreach (var region in Regions.Skip(AfterSalesOptions.DefaultRegions.Count))
            {
                builder.UseSetting($"AfterSales:RegionTimeZones:{region}", SpareRegionTimeZone);
            }
        }
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

    /// <summary>A region no other test uses: its departments start empty and the policy has no entry for it.</summary>
    public string NewRegion()
    {
        var n = Interlocked.Increment(ref regionsTaken);
        return n <= SpareRegionCount
            ? SpareRegion(n)
            : throw new InvalidOperationException($"All {SpareRegionCount} spare regions are taken; raise {nameof(SpareRegionCount)}.");
    }

    /// <summary>A region no test of any app in this process uses: for what the process, not the app, holds — the
    /// project's meter is one per process, so its series carry every app's departments.</summary>
    public static string NewRegionOfTheProcess()
    {
        var n = Interlocked.Increment(ref processRegionsTaken);
        return n <= ProcessRegionCount
            ? ProcessRegion(n)
            : throw new InvalidOperationException($"All {ProcessRegionCount} regions of the process are taken; raise {nameof(ProcessRegionCount)}.");
    }

    private static string ProcessRegion(int n) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{n:00}");

    private static string SpareRegion(int n) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"r{n:00}");

    /// <summary>A client of the running server signed in as an admin (a new one per caller, so default headers never
    /// leak between tests).</summary>
    public HttpClient CreateApiClient() => CreateApiClient(AdminToken);

    /// <summary>A client sending <paramref name="bearerToken"/>, or no credential at all when it is null.</summary>
    public HttpClient CreateApiClient(string? bearerToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return client;
    }

    /// <summary>The factory's own clients are admins too.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (BaseAddress is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        }
    }

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
