namespace AfterSales.Silo.Storage;

/// <summary>SQLite's <c>synchronous</c> setting for a database in WAL mode.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit waits for the WAL to reach the disk (fsync): an acknowledged write survives a process
    /// crash and a power loss. The default.</summary>
    Full = 0,

    /// <summary>Commits reach the operating system but are synced only at checkpoints: an acknowledged write survives
    /// a process crash but the last commits can be lost on a power loss or kernel crash.</summary>
    Normal = 1,
}
