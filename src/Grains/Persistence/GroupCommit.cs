namespace AfterSales.Persistence;

/// <summary>
/// Changes of a grain's state that calls interleaving with each other submit instead of making them: the changes
/// submitted while a write is under way are applied together, by one call of the apply function, once that write is
/// done (group commit). The state therefore never changes while its write is awaited (the contract of
/// <see cref="IRowBackedState"/>), and a burst of calls costs one write, not one each.
/// </summary>
/// <remarks>Runs on the grain's scheduler (single-threaded): no locks. A failed apply fails every change it carried;
/// the apply function is expected to reset the activation then (<c>WriteOrResetAsync</c>), so memory never keeps a
/// change that storage lost.</remarks>
/// <typeparam name="TChange">What a caller submits.</typeparam>
/// <param name="apply">Applies a batch of changes and writes the state.</param>
internal sealed class GroupCommit<TChange>(Func<TChange[], Task> apply)
{
    private readonly List<TChange> _changes = [];
    private TaskCompletionSource? _next;
    private Task _writing = Task.CompletedTask;

    /// <summary>True while submitted changes wait for their write.</summary>
    public bool HasPending => _next is not null;

    /// <summary>Applies <paramref name="changes"/> with the next write; completes when that write is durable.</summary>
    public Task Submit(IEnumerable<TChange> changes)
    {
        _changes.AddRange(changes);
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = _next.Task;
        if (_writing.IsCompleted)
        {
            _writing = WriteLoopAsync();
        }
        return written;
    }

    /// <summary>Applies <paramref name="change"/> with the next write; completes when that write is durable.</summary>
    public Task Submit(TChange change) => Submit([change]);

    private async Task WriteLoopAsync()
    {
        while (_next is { } batch)
        {
            var changes = _changes.ToArray();
            _changes.Clear();
            _next = null;
            try
            {
                await apply(changes);
                batch.SetResult();
            }
            catch (Exception exception)
            {
                batch.SetException(exception);
            }
        }
    }
}
