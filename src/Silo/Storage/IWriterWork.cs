using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>One item of the SQLite writer's queue: applied inside the batch's transaction on the writer's thread, and
/// completed (or failed) only after that transaction committed (or rolled back).</summary>
internal interface IWriterWork
{
    /// <summary>Applies the item. An item that must not fail the rest of its batch catches its own errors (inside a
    /// savepoint); an exception thrown from here rolls the whole batch back.</summary>
    void Apply(WriteStatements statements, SqliteTransaction transaction);

    void Complete();

    void Fail(Exception exception);
}
