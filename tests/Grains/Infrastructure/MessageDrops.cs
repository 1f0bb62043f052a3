using System.Collections.Concurrent;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// Loses chosen one-way messages on arrival, as a silo dying with them in flight would: a test arms a drop for one
/// grain key and one method, and awaits <see cref="Drop.Dropped"/> as the barrier that the message was lost. One
/// instance per cluster, handed to the silos' filter through their services; drops are keyed by the test's own grain
/// keys, so tests never see each other's.
/// </summary>
public sealed class MessageDrops
{
    private readonly ConcurrentDictionary<(string GrainKey, string Method), Drop> _armed = new();

    /// <summary>Loses the next call of <paramref name="method"/> (the interface method's name) to the grain with
    /// <paramref name="grainKey"/>.</summary>
    public Drop DropNext(string grainKey, string method)
    {
        var drop = new Drop();
        if (!_armed.TryAdd((grainKey, method), drop))
        {
            throw new InvalidOperationException($"A drop of {method} to {grainKey} is armed already.");
        }
        return drop;
    }

    /// <summary>True when the call was armed to be lost (the drop is used up).</summary>
    internal bool TryTake(string grainKey, string method)
    {
        if (!_armed.TryRemove((grainKey, method), out var drop))
        {
            return false;
        }
        drop.Signal();
        return true;
    }

    /// <summary>One armed drop.</summary>
    public sealed class Drop
    {
        private readonly TaskCompletionSource _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the message was lost.</summary>
        public Task Dropped => _dropped.Task.WaitAsync(TimeSpan.FromSeconds(15));

        internal void Signal() => _dropped.TrySetResult();
    }
}
