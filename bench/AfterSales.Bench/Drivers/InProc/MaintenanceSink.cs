using System.Collections.Concurrent;
using AfterSales.Devices;
using AfterSales.Maintenance;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>
/// The devices of the maintenance scenario: every hand-over the scheduler makes (<see cref="IDeviceGrain.OnMaintenanceDueAsync"/>)
/// is acknowledged on the silo as it leaves the bucket, without activating a device grain, so the run measures the
/// scheduler alone (the device's work order is the device's cost). Records when each expected entry arrived.
/// </summary>
internal sealed class MaintenanceSink
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> _expected = new(StringComparer.Ordinal);
    private long _handOvers;
    private long _repeats;

    /// <summary>Hand-overs received, repeats included.</summary>
    public long HandOvers => Interlocked.Read(ref _handOvers);

    /// <summary>Hand-overs of an expected serial that had arrived before.</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    /// <summary>Completes with the moment the first hand-over for <paramref name="serial"/> arrives.</summary>
    public Task<DateTimeOffset> Expect(string serial) =>
        _expected.GetOrAdd(serial, _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    internal void Receive(MaintenanceDue due)
    {
        Interlocked.Increment(ref _handOvers);
        if (_expected.TryGetValue(due.Serial, out var arrival) && !arrival.TrySetResult(TimeProvider.System.GetUtcNow()))
        {
            Interlocked.Increment(ref _repeats);
        }
    }
}

/// <summary>Acknowledges maintenance hand-overs for <see cref="MaintenanceSink"/> before they are sent (an outgoing
/// filter on the silo).</summary>
internal sealed class MaintenanceSinkFilter(MaintenanceSink sink) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IDeviceGrain.OnMaintenanceDueAsync) && context.Request.GetArgument(0) is MaintenanceDue due)
        {
            sink.Receive(due);
            // Not sent: a filter that does not continue the chain sets the call's result.
            context.Result = null;
            return Task.CompletedTask;
        }
        return context.Invoke();
    }
}
