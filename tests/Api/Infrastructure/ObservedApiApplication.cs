using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>An app that records traces into memory, serves the dashboard and has one readiness check the test can
/// make fail, for the tracing, dashboard and health tests.</summary>
public sealed class ObservedApiApplication : ApiApplication
{
    public const string InjectedCheck = "injected";

    /// <summary>Every span the app ended (the in-memory exporter writes here).</summary>
    public SpanCollection Spans { get; } = new();

    /// <summary>The injected readiness check: healthy until a test says otherwise.</summary>
    public Switch Failing { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Telemetry:Tracing"] = "true",
        ["AfterSales:Dashboard:Enabled"] = "true",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.AddHealthChecks().AddCheck(InjectedCheck,
                () => Failing.On ? HealthCheckResult.Unhealthy("Injected failure.") : HealthCheckResult.Healthy("Injected check passes."),
                tags: ["ready"]);
        });
    }

    public sealed class Switch
    {
        private volatile bool _on;

        public bool On
        {
            get => _on;
            set => _on = value;
        }
    }
}

/// <summary>A thread-safe collection for the in-memory exporter that also lets a test wait for a span to end.</summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentDictionary<TaskCompletionSource<Activity>, Func<Activity, bool>> _waiters = new();

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        _spans.Enqueue(item);
        foreach (var (waiter, matches) in _waiters)
        {
            if (matches(item) && _waiters.TryRemove(waiter, out _))
            {
                waiter.TrySetResult(item);
            }
        }
    }

    /// <summary>The first span that matches, ended already or ending later.</summary>
    public Task<Activity> WaitForAsync(Func<Activity, bool> matches)
    {
        var waiter = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[waiter] = matches;
        if (_spans.FirstOrDefault(matches) is { } ended && _waiters.TryRemove(waiter, out _))
        {
            waiter.TrySetResult(ended);
        }
        return waiter.Task;
    }

    public void Clear() => _spans.Clear();

    public bool Contains(Activity item) => _spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => _spans.CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException("Spans are only added.");

    public IEnumerator<Activity> GetEnumerator() => _spans.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

[CollectionDefinition(Name)]
public sealed class ObservedCollection : ICollectionFixture<ObservedApiApplication>
{
    public const string Name = "observed";
}
