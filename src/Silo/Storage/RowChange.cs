namespace AfterSales.Silo.Storage;

/// <summary>One row of a row-backed state written (<see cref="Payload"/> set) or removed (<see cref="Payload"/> null)
/// by a write.</summary>
internal readonly record struct RowChange(string Collection, string Key, byte[]? Payload);
