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

    /// <summary>Serializer of grain state and row items. Default: the silo's <see cref="IGrainStorageSerializer"/>
    /// (the Orleans serializer, so <c>[GenerateSerializer]</c> state classes work).</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
