namespace AfterSales.Silo.Storage;

/// <summary>What a write did. Applied: <see cref="Version"/> is the record's new version. Refused, with nothing of it
/// applied: the record's version (<see cref="StoredVersion"/>, null when there is no record) is not the one the
/// caller expected, or its events do not follow the stored stream (<see cref="Detail"/> says how).</summary>
internal readonly record struct WriteOutcome(WriteStatus Status, long Version, long? StoredVersion, string? Detail)
{
    public bool Applied => Status == WriteStatus.Applied;

    public static WriteOutcome Written(long version) => new(WriteStatus.Applied, version, null, null);

    public static WriteOutcome VersionConflict(long? storedVersion) => new(WriteStatus.VersionConflict, 0, storedVersion, null);

    public static WriteOutcome EventConflict(long? storedVersion, string detail) => new(WriteStatus.EventConflict, 0, storedVersion, detail);
}
