using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Storage;

/// <summary>Copies the write-ahead log back into the database file on its own thread and connection, so that the
/// writer never does it inside a commit.</summary>
/// <remarks>SQLite's default is an automatic checkpoint inside the commit that pushes the log past 1,000 pages: that
/// commit copies the log into the file and syncs it, and every write of its batch and of the batches queued behind it
/// waits for that copy. A PASSIVE checkpoint from another
/// connection runs beside the writer (it never blocks it; in WAL mode checkpointing and appending are independent),
/// and once the log is fully copied the writer's next transaction starts the log over. The writer keeps a high
/// automatic-checkpoint threshold as a backstop (<see cref="SqliteGrainStorageOptions.WalAutoCheckpointPages"/>), so a
/// stalled checkpointer cannot let the log grow without bound. Durability does not depend on checkpoints: a commit
/// is durable once it is in the log.</remarks>
internal sealed partial class SqliteCheckpointer : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteGrainStorageOptions _options;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private int _dirty;

    public SqliteCheckpointer(string connectionString, SqliteGrainStorageOptions options, ILogger logger)
    {
        _connectionString = connectionString;
        _options = options;
        _logger = logger;
    }

    /// <summary>Starts the thread (the writer starts it only when <see cref="SqliteGrainStorageOptions.CheckpointInterval"/>
    /// is positive).</summary>
    public void Start(string name)
    {
        var connection = SqliteConnectionFactory.Open(_connectionString, _options.Synchronous, _options.BusyTimeout);
        _thread = new Thread(() => Run(connection)) { IsBackground = true, Name = $"sqlite-checkpoint:{name}" };
        _thread.Start();
    }

    /// <summary>The writer committed: the next round has something to copy.</summary>
    public void MarkDirty() => Volatile.Write(ref _dirty, 1);

    /// <summary>Runs one PASSIVE checkpoint on the given connection and returns SQLite's answer: whether it was kept
    /// from finishing, the log's frames and the frames now copied.</summary>
    public static (bool Busy, long LogFrames, long CheckpointedFrames) CheckpointOnce(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Set();
        if (_thread is not null)
        {
            await _stopped.Task;
        }
        _stop.Dispose();
    }

    private void Run(SqliteConnection connection)
    {
        try
        {
            RunRounds(connection);
        }
        finally
        {
            connection.Dispose();
            _stopped.TrySetResult();
        }
    }

    // This thread exists to wait and then block on the checkpoint's file sync.
    private void RunRounds(SqliteConnection connection)
    {
        while (!_stop.Wait(_options.CheckpointInterval))
        {
            if (Interlocked.Exchange(ref _dirty, 0) == 0)
            {
                continue;
            }
            try
            {
                var (busy, logFrames, copied) = CheckpointOnce(connection);
                if (busy || copied < logFrames)
                {
                    // A reader still needs older pages: try again next round.
                    MarkDirty();
                }
            }
            catch (SqliteException exception)
            {
                LogCheckpointFailed(_logger, exception);
                MarkDirty();
            }
        }
    }

    [LoggerMessage(3, LogLevel.Warning, "SQLite checkpoint failed; it is retried, and the writer's automatic checkpoint bounds the log meanwhile")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
