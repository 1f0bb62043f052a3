using Orleans.Storage;

namespace AfterSales.Silo.Storage.Postgres;

/// <summary>Options of <see cref="PostgresGrainStorage"/> (one named instance per provider), checked at start by
/// <see cref="PostgresGrainStorageOptionsValidator"/>.</summary>
public sealed class PostgresGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Npgsql connection string of the database holding <c>grain_state</c>, <c>grain_row</c> and
    /// <c>event_journal</c> (the schema must be applied; cluster mode does it at start). Its pool settings
    /// (<c>Maximum Pool Size</c>) bound the storage's concurrent writes; without one the pool holds
    /// <see cref="PostgresConnectionDefaults.DefaultPoolSize"/> connections. Required; no default.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Write batches (<see cref="PostgresWriteBatcher"/>) under way at once, each on a connection of its own.
    /// Writes that arrive while this many are under way wait and go together in the next batch, sharing its round
    /// trip and commit. Default 4: enough to keep the server busy while it flushes a commit, few enough that batches
    /// form under load. 1 to the pool size.</summary>
    public int MaxConcurrentWriteBatches { get; set; } = 4;

    /// <summary>Writes one batch carries at most (default 64), so a batch's transaction stays milliseconds long (the
    /// event journal's readers re-read an overlap behind their checkpoint sized for that, deploy/STORAGE.md).</summary>
    public int MaxWritesPerBatch { get; set; } = 64;

    /// <summary>Serializer of grain state and row items. Default: the silo's <see cref="IGrainStorageSerializer"/>
    /// (the Orleans serializer, so <c>[GenerateSerializer]</c> state classes work).</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
