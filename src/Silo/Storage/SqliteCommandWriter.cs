using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Storage;

/// <summary>The single writer of a SQLite file that holds no grain state (the case list's own file): the same
/// group-commit writer as the grain storage's (<see cref="SqliteStateWriter"/>), used for commands only, on a thread
/// of its own, so that file's writes never share a transaction or a queue with the grain state's.</summary>
internal sealed class SqliteCommandWriter : ISqliteCommandQueue, IAsyncDisposable
{
    private readonly SqliteStateWriter _writer;

    /// <summary>Opens the write connection of the (already migrated) file and starts the writer thread.</summary>
    /// <param name="commitInterval">The least time between two commits (see <see cref="SqliteStateWriter"/>).</param>
    public SqliteCommandWriter(string databasePath, SqliteSynchronousMode synchronous, TimeSpan busyTimeout, string name, ILogger logger,
        TimeSpan commitInterval = default)
    {
        var options = new SqliteGrainStorageOptions { DatabasePath = databasePath, Synchronous = synchronous, BusyTimeout = busyTimeout };
        _writer = new SqliteStateWriter(SqliteConnectionFactory.ConnectionString(databasePath, busyTimeout), options, logger, commitInterval);
        _writer.Start(name);
    }

    public Task ExecuteAsync(Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken = default) =>
        _writer.ExecuteAsync(new PendingCommand(work), cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
