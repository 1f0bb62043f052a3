using Microsoft.Extensions.Options;

namespace AfterSales.Silo.Storage;

/// <summary>Refuses to start a <see cref="SqliteGrainStorage"/> with options it cannot work with.</summary>
public sealed class SqliteGrainStorageOptionsValidator : IValidateOptions<SqliteGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteGrainStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"SQLite grain storage '{name}': DatabasePath is required.");
        }
        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"SQLite grain storage '{name}': MaxBatchSize must be 1-10000.");
        }
        if (options.QueueCapacity < options.MaxBatchSize)
        {
            failures.Add($"SQLite grain storage '{name}': QueueCapacity must be at least MaxBatchSize.");
        }
        if (!Enum.IsDefined(options.Synchronous))
        {
            failures.Add($"SQLite grain storage '{name}': Synchronous must be Full or Normal.");
        }
        if (options.BusyTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"SQLite grain storage '{name}': BusyTimeout must be at least 1 second.");
        }
        if (options.CheckpointInterval < TimeSpan.Zero || options.CheckpointInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"SQLite grain storage '{name}': CheckpointInterval must be 0 (off) to 1 minute.");
        }
        if (options.WalAutoCheckpointPages is < 1_000 or > 1_000_000)
        {
            failures.Add($"SQLite grain storage '{name}': WalAutoCheckpointPages must be 1000-1000000.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
