using Microsoft.Data.Sqlite;

namespace AfterSales.Silo.Storage;

/// <summary>Work of another store of the same file (the case list) run by the grain-state writer in its batch
/// transaction, inside a savepoint of its own: its failure undoes only its own statements and fails only its caller,
/// and the batch's grain writes still commit.</summary>
internal sealed class PendingCommand(Action<SqliteConnection, SqliteTransaction> work) : IWriterWork
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    public Task Completion => _completion.Task;

    public void Apply(WriteStatements statements, SqliteTransaction transaction)
    {
        statements.Savepoint();
        try
        {
            work(transaction.Connection!, transaction);
        }
        catch (Exception exception)
        {
            _failure = exception;
            statements.RollbackToSavepoint();
        }
        statements.ReleaseSavepoint();
    }

    public void Complete()
    {
        if (_failure is { } failure)
        {
            _completion.TrySetException(failure);
        }
        else
        {
            _completion.TrySetResult();
        }
    }

    public void Fail(Exception exception) => _completion.TrySetException(_failure ?? exception);
}
