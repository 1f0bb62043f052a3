using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>Refuses to start a <see cref="PostgresGrainStorage"/> with options it cannot work with.</summary>
public sealed class PostgresGrainStorageOptionsValidator : IValidateOptions<PostgresGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresGrainStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"PostgreSQL grain storage '{name}': ConnectionString is required.");
        }
        if (options.MaxConcurrentWriteBatches < 1)
        {
            return ValidateOptionsResult.Fail($"PostgreSQL grain storage '{name}': MaxConcurrentWriteBatches must be at least 1.");
        }
        if (options.MaxWritesPerBatch < 1)
        {
            return ValidateOptionsResult.Fail($"PostgreSQL grain storage '{name}': MaxWritesPerBatch must be at least 1.");
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            // The message names the bad keyword, never the connection string (which may hold a password).
            return ValidateOptionsResult.Fail($"PostgreSQL grain storage '{name}': ConnectionString cannot be read: {exception.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
