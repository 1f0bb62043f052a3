namespace AfterSales.Bench.Storage;

/// <summary>The durable grain storages the bench measures: the embedded silo's SQLite storage and the cluster silo's
/// PostgreSQL storage.</summary>
internal enum StorageTarget
{
    Sqlite,
    Postgres,
}
