namespace AfterSales.Persistence;

/// <summary>One collection of a <see cref="IRowBackedState"/> as its storage provider sees it: the changes since the
/// last successful write, and a way to load what is stored.</summary>
public interface IStateRows
{
    /// <summary>The collection's name, unique within its state (e.g. <c>assignment</c>).</summary>
    string Name { get; }

    /// <summary>Rows written or removed since the last successful write: row key → item, or null for a removal.</summary>
    IReadOnlyDictionary<string, object?> PendingChanges { get; }

    /// <summary>The provider committed <see cref="PendingChanges"/>: forget them.</summary>
    void MarkWritten();

    /// <summary>Replaces the content with the stored rows (on read), with no pending changes.</summary>
    void Load(IEnumerable<KeyValuePair<string, object>> rows);
}
