using System.Collections.Concurrent;
using AfterSales.Devices;
using AfterSales.Maintenance;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// Devices whose maintenance hand-overs a test takes itself: a hand-over to a serial listed here is answered by the
/// test's <see cref="InboxDevice"/> (acknowledged by returning, or failed, or held) instead of reaching the device grain,
/// so scheduler tests see exactly what the scheduler delivers without depending on the device's work orders. Every other
/// serial reaches its device. One instance per cluster, handed to the silos' <see cref="MaintenanceInboxFilter"/>.
/// </summary>
public sealed class MaintenanceInbox
{
    private readonly ConcurrentDictionary<string, InboxDevice> _devices = new(StringComparer.Ordinal);

    /// <summary>Takes the hand-overs to <paramref name="serial"/> from now on.</summary>
    public InboxDevice Device(string serial) => _devices.GetOrAdd(serial, _ => new InboxDevice());

    internal bool TryGet(string serial, out InboxDevice device) => _devices.TryGetValue(serial, out device!);
}

/// <summary>A device stand-in: records every hand-over it receives and answers as the test says (acknowledges by default).</summary>
public sealed class InboxDevice
{
    private readonly Lock _gate = new();
    private readonly List<MaintenanceDue> _received = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waits = [];
    private int _failuresLeft;
    private TaskCompletionSource? _hold;
    private int _inFlight;

    /// <summary>Every hand-over received so far, in arrival order (repeats included).</summary>
    public IReadOnlyList<MaintenanceDue> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The most hand-overs that were in flight here at once.</summary>
    public int MostInFlight { get; private set; }

    /// <summary>The next <paramref name="count"/> hand-overs fail (the scheduler must keep and repeat them).</summary>
    public void FailNext(int count = 1)
    {
        lock (_gate)
        {
            _failuresLeft += count;
        }
    }

    /// <summary>Hand-overs wait (in flight) until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets every held hand-over return (acknowledged).</summary>
    public void Release()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            (hold, _hold) = (_hold, null);
        }
        hold?.TrySetResult();
    }

    /// <summary>Completes once <paramref name="count"/> hand-overs in all have been received (a barrier, not a poll).</summary>
    public Task ReceivedAtLeast(int count)
    {
        lock (_gate)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((count, reached));
            return reached.Task.WaitAsync(CallWatch.Timeout);
        }
    }

    internal async Task ReceiveAsync(MaintenanceDue due)
    {
        Task held;
        bool fail;
        List<TaskCompletionSource> reached = [];
        lock (_gate)
        {
            _received.Add(due);
            MostInFlight = Math.Max(MostInFlight, ++_inFlight);
            fail = _failuresLeft > 0;
            if (fail)
            {
                _failuresLeft--;
            }
            held = _hold?.Task ?? Task.CompletedTask;
            for (var i = _waits.Count - 1; i >= 0; i--)
            {
                if (_received.Count >= _waits[i].Count)
                {
                    reached.Add(_waits[i].Reached);
                    _waits.RemoveAt(i);
                }
            }
        }
        reached.ForEach(wait => wait.TrySetResult());
        try
        {
            await held;
            if (fail)
            {
                throw new InvalidOperationException($"Hand-over of {due.PlanId}/{due.Period} to {due.Serial} failed on purpose.");
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }
}

/// <summary>Answers <see cref="IDeviceGrain.OnMaintenanceDueAsync"/> calls to the inbox's devices on the calling silo,
/// before they are sent (registered as an outgoing filter on the silos).</summary>
internal sealed class MaintenanceInboxFilter(MaintenanceInbox inbox) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IDeviceGrain.OnMaintenanceDueAsync)
            && context.Request.GetArgument(0) is MaintenanceDue due
            && inbox.TryGet(due.Serial, out var device))
        {
            await device.ReceiveAsync(due);
            // Not sent: the call's result is the stand-in's (a filter that does not continue the chain must set one).
            context.Result = null;
            return;
        }
        await context.Invoke();
    }
}
