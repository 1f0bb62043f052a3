using System.Collections.Concurrent;
using System.Reflection;
using Orleans.Concurrency;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// Counts the project's one-way messages between being sent and being handled (or lost on purpose, see
/// <see cref="MessageDrops"/>), so a test can wait until none is in flight: a barrier for the notices grains send each
/// other without waiting (withdrawals, returns, pushes, waiting reasons). One instance per cluster, shared by both silos
/// and the client through their services.
/// </summary>
public sealed class OneWayMessages
{
    // What each interface method is, learnt once: the filters ask on every call.
    private readonly ConcurrentDictionary<MethodInfo, bool> _counted = new();

    private readonly Lock _gate = new();
    private long _inFlight;
    private long _sent;
    private TaskCompletionSource? _idle;

    /// <summary>How many one-way messages were sent so far: a test compares two reads to learn whether any was sent.</summary>
    public long Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent;
            }
        }
    }

    /// <summary>Completes once every one-way message sent so far has been handled.</summary>
    public Task Idle()
    {
        lock (_gate)
        {
            if (_inFlight < 0)
            {
                throw new InvalidOperationException("A one-way message was handled that was never counted as sent.");
            }
            return _inFlight == 0
                ? Task.CompletedTask
                : (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(CallWatch.Timeout);
        }
    }

    /// <summary>True for the project's own one-way methods (Orleans' and the tests' calls are not counted).</summary>
    internal bool IsCounted(MethodInfo? method) => method is not null && _counted.GetOrAdd(method, IsProjectOneWay);

    private static bool IsProjectOneWay(MethodInfo method) =>
        method.DeclaringType?.Assembly == typeof(Departments.IDepartmentGrain).Assembly && method.IsDefined(typeof(OneWayAttribute), inherit: true);

    internal void Sending()
    {
        lock (_gate)
        {
            _inFlight++;
            _sent++;
        }
    }

    internal void Handled()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }
        idle?.TrySetResult();
    }
}

/// <summary>Counts a one-way message as in flight before it leaves (registered on the silos and the client).</summary>
internal sealed class OneWaySendFilter(OneWayMessages messages) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (messages.IsCounted(context.InterfaceMethod))
        {
            messages.Sending();
        }
        return context.Invoke();
    }
}

/// <summary>Counts a one-way message as handled once its grain ran it, or once it was lost on purpose (registered
/// before the drop filter).</summary>
internal sealed class OneWayReceiveFilter(OneWayMessages messages) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) =>
        messages.IsCounted(context.InterfaceMethod) ? InvokeCountedAsync(context) : context.Invoke();

    private async Task InvokeCountedAsync(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            messages.Handled();
        }
    }
}
