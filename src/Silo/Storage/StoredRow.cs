namespace AfterSales.Silo.Storage;

/// <summary>One stored row of a row-backed state, as read.</summary>
internal readonly record struct StoredRow(string Collection, string Key, byte[] Payload);
