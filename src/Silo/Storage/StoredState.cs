namespace AfterSales.Silo.Storage;

/// <summary>A state as read: its record's version, its payload (null after a clear) and its rows (empty when the
/// state keeps none or they were not asked for).</summary>
internal sealed record StoredState(long Version, byte[]? Payload, IReadOnlyList<StoredRow> Rows);
