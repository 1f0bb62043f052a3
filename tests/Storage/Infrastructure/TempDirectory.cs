namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>A fresh folder for one test's SQLite files, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aftersales-storage-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection; the OS temp folder is cleaned eventually.
        }
    }
}
