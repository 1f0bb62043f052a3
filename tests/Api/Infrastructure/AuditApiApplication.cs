using AfterSales.Api.Access;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>An app with a test authentication scheme (the caller's claims come from <c>X-Test-*</c> headers), every log
/// line captured and every metric measurement's tags recorded, for the audit and privacy tests.</summary>
public sealed class AuditApiApplication : ApiApplication
{
    public AuditApiApplication()
    {
    }

    private AuditApiApplication(string dataDirectory)
        : base(dataDirectory, ownsDataDirectory: false)
    {
    }

    /// <summary>An app on a data directory the caller keeps (a restart test starts two on the same data).</summary>
    public static new AuditApiApplication OnDataDirectory(string dataDirectory) => new(dataDirectory);

    /// <summary>Every log line written, formatted, with its state's values.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        // As shipped (appsettings.json), with the project's own categories at their most verbose.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:AfterSales"] = "Trace",
        ["AfterSales:Cti:BlockedCallers:0"] = AuditClients.BlockedCaller,
        ["AfterSales:Auth:ApiKeys:0:Id"] = AuditClients.Integrations[0],
        ["AfterSales:Auth:ApiKeys:0:Hash"] = ApiKeyAuthenticationHandler.HashOf(AuditClients.KeyOf(AuditClients.Integrations[0], "cti")),
        ["AfterSales:Auth:ApiKeys:0:Scopes:0"] = "cti",
        ["AfterSales:Auth:ApiKeys:1:Id"] = AuditClients.Integrations[1],
        ["AfterSales:Auth:ApiKeys:1:Hash"] = ApiKeyAuthenticationHandler.HashOf(AuditClients.KeyOf(AuditClients.Integrations[1], "cti")),
        ["AfterSales:Auth:ApiKeys:1:Scopes:0"] = "cti",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    /// <summary>A client that acts as <paramref name="sub"/> with <paramref name="role"/> (a user with a signed token) or
    /// with an API key of <paramref name="scope"/> (whose id must be one of <see cref="AuditClients.Integrations"/>);
    /// neither: anonymous.</summary>
    public HttpClient CreateClientAs(string? sub = null, string? role = null, string? scope = null)
    {
        if (scope is not null)
        {
            var client = CreateApiClient(bearerToken: null);
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, AuditClients.KeyOf(sub!, scope));
            return client;
        }
        // Staff reach every department of the regions these tests use, so what they create stays theirs to read.
        return CreateApiClient(role is null ? null : role is "admin" or "customer"
            ? Tokens.For(role, subject: sub)
            : Tokens.For(role, subject: sub, departments: ["customer-service", "technical-support", "installation", "maintenance"],
                regions: ["east", "west", "north", "south"]));
    }
}

/// <summary>Values the audit and privacy tests share.</summary>
public static class AuditClients
{
    public const string Admin = "admin-1";

    public const string BlockedCaller = "+8613911112222";

    /// <summary>The ids of the API keys the audit app is configured with (an API key's id is its caller's name).</summary>
    public static readonly string[] Integrations = ["pbx-audit", "pbx-9"];

    /// <summary>The key of an integration: made from its id and scope, so a test needs only the id.</summary>
    public static string KeyOf(string id, string scope) => $"test-key-{scope}-{id}";
}

/// <summary>A logger provider that keeps every line: the formatted message and each state value as text.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} [{eventId.Id}] {formatter(state, exception)} | {values} | {exception}");
        }
    }
}

/// <summary>Records the tag values of every measurement of every instrument in this process while it lives, and of the
/// observable instruments <paramref name="observe"/> picks when <see cref="Collect"/> reads them.</summary>
/// <remarks>Observable instruments are read by their own callbacks, for every host of the process: a test running in
/// parallel may be stopping its app right then, and a callback failing there would fail this test's collection
/// (<see cref="MeterListener.RecordObservableInstruments"/> throws once it read them all). So the caller names the
/// observable instruments that are its own.</remarks>
public sealed class RecordedMetricTags : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _tags = new();

    public RecordedMetricTags(Func<Instrument, bool> observe)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!instrument.IsObservable || observe(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        _listener.SetMeasurementEventCallback<int>((i, _, tags, _) => Record(i, tags));
        _listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        _listener.SetMeasurementEventCallback<float>((i, _, tags, _) => Record(i, tags));
        _listener.Start();
    }

    /// <summary>Every tag recorded, as <c>instrument tag=value</c>.</summary>
    public IReadOnlyCollection<string> Tags => _tags;

    /// <summary>Reads the chosen observable instruments now, so their tags are recorded too.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            _tags.Enqueue($"{instrument.Meter.Name}/{instrument.Name} {key}={value}");
        }
    }

    public void Dispose() => _listener.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditApiApplication>
{
    public const string Name = "audit";
}
