using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AfterSales.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Unit.Diagnostics;

/// <summary>A container with the project's instruments and a listener of the project's meter. The meter is the
/// process's, so the tests that use this run one at a time (<see cref="MetricsCollection"/>) and tell their own
/// measurements by their regions.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();

    public MetricsRecorder(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging().AddAfterSalesMetrics();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AfterSalesMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        Metrics = _services.GetRequiredService<AfterSalesMetrics>();
    }

    public AfterSalesMetrics Metrics { get; }

    public ConcurrentQueue<Recorded> Measurements { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Reads the observable instruments now, as a scrape would.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public Recorded[] Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    public Recorded[] Of(string instrument, string region) => [.. Of(instrument).Where(m => m.Tags.GetValueOrDefault("region") == region)];

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Recorded(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));

    internal sealed record Recorded(string Instrument, double Value, Dictionary<string, string?> Tags);
}

[CollectionDefinition(Name)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
