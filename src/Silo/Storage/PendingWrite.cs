namespace AfterSales.Silo.Storage;

/// <summary>A write (or clear, when <see cref="Payload"/> is null) waiting for the writer, with the rows and events
/// that go with it. The writer completes it after the transaction holding it has committed.</summary>
internal sealed class PendingWrite(GrainStateKey key, long? expectedVersion, byte[]? payload, StateChanges changes) : IWriterWork
{
    private readonly TaskCompletionSource<WriteOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainStateKey Key { get; } = key;

    /// <summary>The version the caller last saw, or null when it saw no row.</summary>
    public long? ExpectedVersion { get; } = expectedVersion;

    public byte[]? Payload { get; } = payload;

    /// <summary>Applied only if the version check passes; a clear ignores them and removes every row instead.</summary>
    public StateChanges Changes { get; } = changes;

    /// <summary>Set by the writer inside the transaction; published only after commit.</summary>
    public WriteOutcome Outcome { get; private set; }

    public Task<WriteOutcome> Completion => _completion.Task;

    public void Apply(WriteStatements statements, Microsoft.Data.Sqlite.SqliteTransaction transaction) => Outcome = statements.Apply(this);

    public void Complete() => _completion.TrySetResult(Outcome);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
