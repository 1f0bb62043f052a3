using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>A separate app whose grain calls fail as a test says: the first calls to a grain key throw a chosen
/// exception, as a silo lost during failover would make them, and later calls go through.</summary>
public sealed class FailingGrainsApiApplication : ApiApplication
{
    public InjectedFailures Failures { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IOutgoingGrainCallFilter>(Failures));
    }
}

/// <summary>An outgoing grain call filter of the embedded silo that throws for the grain keys a test names.</summary>
public sealed class InjectedFailures : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, Failure> failing = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> calls to grains keyed <paramref name="grainKey"/> throw what
    /// <paramref name="failure"/> makes (a new exception each time).</summary>
    public void Fail(string grainKey, Func<Exception> failure, int times = int.MaxValue) =>
        failing[grainKey] = new Failure(failure, times);

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var key = context.TargetId.Key.ToString();
        if (key is not null && failing.TryGetValue(key, out var failure) && failure.TryTake())
        {
            throw failure.Make();
        }
        return context.Invoke();
    }

    private sealed class Failure(Func<Exception> make, int times)
    {
        private int left = times;

        public Func<Exception> Make => make;

        public bool TryTake() => Interlocked.Decrement(ref left) >= 0;
    }
}
