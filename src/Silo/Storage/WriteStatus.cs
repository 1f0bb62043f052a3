namespace AfterSales.Silo.Storage;

/// <summary>Whether a write was applied, or why it was refused.</summary>
internal enum WriteStatus
{
    Applied,
    VersionConflict,
    EventConflict,
}
