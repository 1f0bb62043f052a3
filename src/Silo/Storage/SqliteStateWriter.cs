using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Storage;

/// <summary>The single writer of the grain-state file, with group commit: callers queue <see cref="PendingWrite"/>s
/// (and the case list its <see cref="PendingCommand"/>s);
/// one dedicated thread takes whatever is queued (up to a batch), applies it in ONE transaction, commits, and only
/// then completes every waiter. So an acknowledged write is a committed write, and a burst of N concurrent writes
/// costs one commit (one fsync with synchronous=FULL) instead of N.</summary>
/// <remarks>SQLite allows one writer per file anyway; a single owner of the write connection removes lock waits and
/// busy retries between writers: a second writer connection on the file would make this one sleep in SQLite's busy
/// handler (1 to 100 ms a try) whenever that connection holds the lock, which is what an intake's tail latency pays. The thread is dedicated because Microsoft.Data.Sqlite is synchronous underneath:
/// an fsync would otherwise block a thread-pool thread.</remarks>
internal sealed partial class SqliteStateWriter : IAsyncDisposable
{
    private readonly Channel<IWriterWork> _queue;
    private readonly string _connectionString;
    private readonly SqliteGrainStorageOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SqliteCheckpointer _checkpointer;
    private readonly TimeSpan _commitInterval;
    private Thread? _thread;

    /// <param name="commitInterval">The least time between two commits: work arriving sooner waits for the rest of
    /// the interval and shares the next transaction. Zero (the grain state's writer) commits as soon as work is
    /// queued, since every waiter is a request; a file whose writers do not hold a request (the case list) gathers,
    /// because each small transaction rewrites the same index and text-index pages into the log.</param>
    public SqliteStateWriter(string connectionString, SqliteGrainStorageOptions options, ILogger logger, TimeSpan commitInterval = default)
    {
        _commitInterval = commitInterval;
        _connectionString = connectionString;
        _options = options;
        _logger = logger;
        _checkpointer = new SqliteCheckpointer(connectionString, options, logger);
        _queue = Channel.CreateBounded<IWriterWork>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Opens the write connection (so a bad path fails the start, not the first write) and starts the thread.</summary>
    public void Start(string name)
    {
        var connection = SqliteConnectionFactory.Open(_connectionString, _options.Synchronous, _options.BusyTimeout);
        if (_options.CheckpointInterval > TimeSpan.Zero)
        {
            // The checkpointer copies the log; the writer's own automatic checkpoint is only the backstop.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {_options.WalAutoCheckpointPages};");
            pragma.ExecuteNonQuery();
            _checkpointer.Start(name);
        }
        _thread = new Thread(() => Run(connection)) { IsBackground = true, Name = $"sqlite-writer:{name}" };
        _thread.Start();
    }

    /// <summary>Queues a write; completes after the transaction holding it committed (or failed).</summary>
    public async Task<WriteOutcome> SubmitAsync(PendingWrite write, CancellationToken cancellationToken)
    {
        await EnqueueAsync(write, cancellationToken);
        return await write.Completion;
    }

    /// <summary>Queues <paramref name="command"/>; completes after the transaction holding it committed.</summary>
    public async Task ExecuteAsync(PendingCommand command, CancellationToken cancellationToken)
    {
        await EnqueueAsync(command, cancellationToken);
        await command.Completion;
    }

    private async Task EnqueueAsync(IWriterWork work, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(work, cancellationToken);
        }
        catch (ChannelClosedException exception)
        {
            throw new InvalidOperationException("The SQLite grain storage has stopped; the write was not accepted.", exception);
        }
    }

    /// <summary>Stops accepting writes, lets the writer commit what is queued, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_thread is not null)
        {
            await _stopped.Task;
        }
        await _checkpointer.DisposeAsync();
    }

    private void Run(SqliteConnection connection)
    {
        try
        {
            using (connection)
            using (var statements = new WriteStatements(connection))
            {
                var batch = new List<IWriterWork>(_options.MaxBatchSize);
                var lastCommit = 0L;
                while (WaitForWork())
                {
                    GatherUntilInterval(lastCommit);
                    while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var write))
                    {
                        batch.Add(write);
                    }
                    Commit(connection, statements, batch);
                    lastCommit = Stopwatch.GetTimestamp();
                    batch.Clear();
                }
            }
        }
        catch (Exception exception)
        {
            // Only opening/closing can land here; a failed batch is reported to its waiters by Commit.
            LogWriterFailed(_logger, exception);
            _queue.Writer.TryComplete(exception);
            while (_queue.Reader.TryRead(out var orphan))
            {
                orphan.Fail(exception);
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    // This thread exists to wait for writes; blocking it is its purpose.
    private bool WaitForWork() =>
        _queue.Reader.TryPeek(out _) || _queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult();

    // The dedicated thread sleeps out the rest of the interval; what is queued meanwhile joins this transaction.
    private void GatherUntilInterval(long lastCommit)
    {
        if (_commitInterval <= TimeSpan.Zero || lastCommit == 0)
        {
            return;
        }
        var rest = _commitInterval - Stopwatch.GetElapsedTime(lastCommit);
        if (rest > TimeSpan.Zero)
        {
            Thread.Sleep(rest);
        }
    }

    private void Commit(SqliteConnection connection, WriteStatements statements, List<IWriterWork> batch)
    {
        try
        {
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                statements.Enlist(transaction);
                foreach (var work in batch)
                {
                    work.Apply(statements, transaction);
                }
                transaction.Commit();
            }
        }
        catch (Exception exception)
        {
            // Nothing of the batch committed (the transaction rolled back): every waiter learns it failed.
            LogBatchFailed(_logger, exception, batch.Count);
            foreach (var write in batch)
            {
                write.Fail(exception);
            }
            return;
        }
        _checkpointer.MarkDirty();
        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    [LoggerMessage(1, LogLevel.Error, "SQLite grain-state batch of {Count} write(s) failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(2, LogLevel.Critical, "SQLite grain-state writer stopped")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);
}
