using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>Runs work of another store of the grain-state file on that file's single writer, in its next batch
/// transaction, so the file never has two writers (see <see cref="SqliteStateWriter"/>).</summary>
internal interface ISqliteCommandQueue
{
    /// <summary>Runs <paramref name="work"/> on the writer's thread inside a savepoint of the batch transaction;
    /// completes once that transaction committed. If <paramref name="work"/> throws, only its own statements are
    /// undone and the returned task fails with its exception.</summary>
    Task ExecuteAsync(Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken = default);
}
