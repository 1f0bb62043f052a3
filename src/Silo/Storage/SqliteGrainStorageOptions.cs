using Orleans.Storage;

namespace AfterSales.Silo.Storage;

/// <summary>Options of <see cref="SqliteGrainStorage"/> (one named instance per provider), checked at start by
/// <see cref="SqliteGrainStorageOptionsValidator"/>.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Path of the SQLite database file; its folder must exist and the schema must be applied (the hosting
    /// extension does both). Required; no default.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>Most writes committed in one transaction by the writer. Default 512.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Most writes waiting for the writer; further writers wait for room (back-pressure). Default 8192.</summary>
    public int QueueCapacity { get; set; } = 8192;

    /// <summary>Durability of a commit. Default <see cref="SqliteSynchronousMode.Full"/>: acknowledged writes survive a
    /// power loss; group commit makes the one fsync per batch affordable.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>How often a separate connection copies the write-ahead log into the database file (a PASSIVE
    /// checkpoint, only after commits), so that no commit does it (<see cref="SqliteCheckpointer"/>). Default 250 ms;
    /// zero leaves checkpoints to SQLite's automatic one inside the commit that crosses 1,000 pages.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>With the checkpointer on: the log size, in pages, at which the writer checkpoints inside a commit
    /// anyway — the backstop if the checkpointer falls behind. Default 16,384 pages (64 MiB with 4 KiB pages).</summary>
    public int WalAutoCheckpointPages { get; set; } = 16_384;

    /// <summary>How long a statement waits for the file's write lock held by another connection (SQLite busy
    /// timeout). Default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Serializer of grain state. Default: the silo's <see cref="IGrainStorageSerializer"/> (the Orleans
    /// serializer, so <c>[GenerateSerializer]</c> state classes work).</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
