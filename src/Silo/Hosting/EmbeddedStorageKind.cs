namespace AfterSales.Silo.Hosting;

/// <summary>Which grain-storage implementation the embedded mode writes to its SQLite file.</summary>
public enum EmbeddedStorageKind
{
    /// <summary>The project's own SQLite grain storage: one writer, WAL, group commit (the default; see deploy/STORAGE.md).</summary>
    Sqlite = 0,

    /// <summary>Orleans' stock ADO.NET grain storage on SQLite, driven by the project's SQLite query script.</summary>
    AdoNetSqlite = 1,
}
