using Npgsql;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>
/// Group commit across the grains of a silo: the writes submitted while earlier ones are on their way go to PostgreSQL
/// together, as one batch of statements on one connection — one round trip, one transaction, one commit and one WAL
/// flush for all of them — with at most <c>maxInFlight</c> batches under way and at most <c>maxBatch</c> writes in one.
/// </summary>
/// <remarks>
/// <para>Each write is a statement whose conditions decide it alone (<see cref="PostgresStateSql"/>): a refused one
/// applies nothing and answers no row, and the batch still commits the others. A statement that fails outright (a
/// duplicated event id, a deadlock) rolls the whole batch back, as PostgreSQL does with an implicit transaction; every
/// write of that batch is then run again on its own, so only the failing one reports the failure.</para>
/// <para>Nothing is acknowledged before the batch's commit: a write's outcome is set only after the reader has
/// consumed the server's ready-for-query, which follows the commit. A lost connection fails every write of its
/// batch, as it failed the one write it carried before (the grain resets and reads its state again).</para>
/// <para>While the database keeps up, a write finds the queue empty and goes alone at once; batches form only when
/// writes arrive faster than round trips complete, which is when sharing a commit pays.</para>
/// </remarks>
internal sealed class PostgresWriteBatcher(NpgsqlDataSource dataSource, int maxInFlight, int maxBatch)
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingWrite> _queue = new();
    private int _inFlight;
    private long _batches;
    private long _statements;

    /// <summary>Batches sent since the start (a write run again on its own after a failed batch counts as one).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Write statements sent in those batches.</summary>
    public long Statements => Interlocked.Read(ref _statements);

    /// <summary>Sends the statement <paramref name="statement"/> makes with the next batch; answers the version the
    /// write stored, or null when its conditions refused it. <paramref name="statement"/> may be called again to run
    /// the write on its own.</summary>
    public Task<long?> SubmitAsync(Func<NpgsqlBatchCommand> statement)
    {
        var pending = new PendingWrite(statement);
        bool start;
        lock (_gate)
        {
            _queue.Enqueue(pending);
            start = _inFlight < maxInFlight;
            if (start)
            {
                _inFlight++;
            }
        }
        if (start)
        {
            // Off the calling grain's scheduler: the loop serves every grain of the silo.
            _ = Task.Run(DrainAsync);
        }
        return pending.Outcome.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            PendingWrite[] batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _inFlight--;
                    return;
                }
                batch = new PendingWrite[Math.Min(_queue.Count, maxBatch)];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = _queue.Dequeue();
                }
            }
            await ExecuteAsync(batch);
        }
    }

    private async Task ExecuteAsync(PendingWrite[] writes)
    {
        long?[] versions;
        try
        {
            versions = await RunAsync(writes);
        }
        catch (PostgresException) when (writes.Length > 1)
        {
            foreach (var write in writes)
            {
                await ExecuteAsync([write]);
            }
            return;
        }
        catch (Exception exception)
        {
            foreach (var write in writes)
            {
                write.Outcome.TrySetException(exception);
            }
            return;
        }
        for (var i = 0; i < writes.Length; i++)
        {
            writes[i].Outcome.TrySetResult(versions[i]);
        }
    }

    /// <summary>Runs the batch and answers each statement's version; returns only once the batch's transaction has
    /// committed (the reader and the batch are disposed before the method returns).</summary>
    private async Task<long?[]> RunAsync(PendingWrite[] writes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _statements, writes.Length);
        var versions = new long?[writes.Length];
        await using var batch = dataSource.CreateBatch();
        foreach (var write in writes)
        {
            batch.BatchCommands.Add(write.Statement());
        }
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < writes.Length; i++)
        {
            if (i > 0 && !await reader.NextResultAsync())
            {
                throw new InvalidOperationException($"The batch answered {i} results for {writes.Length} statements.");
            }
            versions[i] = await reader.ReadAsync() ? reader.GetInt64(0) : null;
        }
        // Past the last result lies the server's ready-for-query, which follows the commit: consume it before answering.
        while (await reader.NextResultAsync())
        {
        }
        return versions;
    }

    private sealed class PendingWrite(Func<NpgsqlBatchCommand> statement)
    {
        public Func<NpgsqlBatchCommand> Statement { get; } = statement;

        public TaskCompletionSource<long?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
