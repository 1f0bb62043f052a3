using Orleans.Serialization.Invocation;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// Barriers on calls a grain handles: a test arms a watch for one grain and one method (optionally one argument or
/// result) before it causes the call, and awaits the watch, which completes once that grain has run the method to
/// its end (state written). This is how a test waits for a one-way message or a timer turn's call without polling:
/// Orleans does not promise that a later call overtakes nothing, so the test waits on the call itself. One instance
/// per cluster, handed to the silos' <see cref="CallWatchFilter"/> through their services; watches name the test's own
/// grains, so tests never see each other's.
/// </summary>
public sealed class CallWatch
{
    /// <summary>How long a watch waits before it fails the test (a barrier, not a poll: nothing is re-read).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<Watch> _armed = [];
    private readonly List<CallTally> _tallies = [];
    private int _count;

    /// <summary>Completes when <paramref name="grain"/> has handled its next call of <paramref name="method"/> (the
    /// interface method's name).</summary>
    public Task Handled(IAddressable grain, string method) => Arm(grain, method, _ => true);

    /// <summary>Completes when <paramref name="grain"/> has handled a call of <paramref name="method"/> whose first
    /// argument of type <typeparamref name="TArgument"/> matches.</summary>
    public Task Handled<TArgument>(IAddressable grain, string method, Func<TArgument, bool> argument) =>
        Arm(grain, method, context => FirstArgument<TArgument>(context.Request) is { } value && argument(value));

    /// <summary>Completes when <paramref name="grain"/> has handled a call of <paramref name="method"/> that returned a
    /// matching <typeparamref name="TResult"/>.</summary>
    public Task Returned<TResult>(IAddressable grain, string method, Func<TResult, bool> result) =>
        Arm(grain, method, context => context.Result is TResult value && result(value));

    /// <summary>Counts the calls <paramref name="grains"/> run, by method, until the tally is disposed (a measure of the
    /// messages a change costs; the test reads it after the change completed).</summary>
    public CallTally Tally(params IAddressable[] grains)
    {
        var tally = new CallTally([.. grains.Select(g => g.GetGrainId())], this);
        lock (_gate)
        {
            _tallies.Add(tally);
            _count = _armed.Count + _tallies.Count;
        }
        return tally;
    }

    internal void Remove(CallTally tally)
    {
        lock (_gate)
        {
            _tallies.Remove(tally);
            _count = _armed.Count + _tallies.Count;
        }
    }

    /// <summary>True while any watch waits (a watch is armed before its call is sent, so the filter sees it).</summary>
    internal bool Armed => Volatile.Read(ref _count) > 0;

    /// <summary>Called by the filter after the grain ran a call: completes the watches it satisfies.</summary>
    internal void Observe(IIncomingGrainCallContext context, Exception? failure)
    {
        if (context.InterfaceMethod is not { } method)
        {
            return;
        }
        List<Watch>? done = null;
        lock (_gate)
        {
            foreach (var tally in _tallies)
            {
                tally.Observe(context.TargetId, method.Name);
            }
            for (var i = _armed.Count - 1; i >= 0; i--)
            {
                var watch = _armed[i];
                if (watch.Grain == context.TargetId && watch.Method == method.Name && (failure is not null || watch.Match(context)))
                {
                    (done ??= []).Add(watch);
                    _armed.RemoveAt(i);
                }
            }
            _count = _armed.Count + _tallies.Count;
        }
        foreach (var watch in done ?? [])
        {
            if (failure is null)
            {
                watch.Completion.TrySetResult();
            }
            else
            {
                watch.Completion.TrySetException(failure);
            }
        }
    }

    private Task Arm(IAddressable grain, string method, Func<IIncomingGrainCallContext, bool> match)
    {
        // Continuations run off the grain's scheduler: the filter signals from inside the grain's turn.
        var watch = new Watch(grain.GetGrainId(), method, match, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _armed.Add(watch);
            _count = _armed.Count + _tallies.Count;
        }
        return watch.Completion.Task.WaitAsync(Timeout);
    }

    private static T? FirstArgument<T>(IInvokable request)
    {
        for (var i = 0; i < request.GetArgumentCount(); i++)
        {
            if (request.GetArgument(i) is T value)
            {
                return value;
            }
        }
        return default;
    }

    private sealed record Watch(GrainId Grain, string Method, Func<IIncomingGrainCallContext, bool> Match, TaskCompletionSource Completion);
}

/// <summary>The calls some grains ran while it was open, by grain and method (see <see cref="CallWatch.Tally"/>).</summary>
public sealed class CallTally(HashSet<GrainId> grains, CallWatch watch) : IDisposable
{
    private readonly Dictionary<(GrainId, string), int> _calls = [];

    /// <summary>How many calls of <paramref name="method"/> <paramref name="grain"/> ran.</summary>
    public int Of(IAddressable grain, string method)
    {
        lock (_calls)
        {
            return _calls.GetValueOrDefault((grain.GetGrainId(), method));
        }
    }

    /// <summary>How many calls <paramref name="grain"/> ran, of any method.</summary>
    public int Of(IAddressable grain)
    {
        var id = grain.GetGrainId();
        lock (_calls)
        {
            return _calls.Where(c => c.Key.Item1 == id).Sum(c => c.Value);
        }
    }

    internal void Observe(GrainId grain, string method)
    {
        if (!grains.Contains(grain))
        {
            return;
        }
        lock (_calls)
        {
            _calls[(grain, method)] = _calls.GetValueOrDefault((grain, method)) + 1;
        }
    }

    public void Dispose() => watch.Remove(this);
}

/// <summary>Tells <see cref="CallWatch"/> about every call a grain has run (registered after the drop filter, so a
/// lost message is never reported as handled).</summary>
internal sealed class CallWatchFilter(CallWatch watch) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => watch.Armed ? InvokeWatchedAsync(context) : context.Invoke();

    private async Task InvokeWatchedAsync(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception)
        {
            watch.Observe(context, exception);
            throw;
        }
        watch.Observe(context, null);
    }
}
