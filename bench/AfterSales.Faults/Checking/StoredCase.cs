namespace AfterSales.Faults.Checking;

/// <summary>What the database holds of one case: its journal's event kinds in sequence order, the subjects and
/// assignees its events' list facts carried, and whether its grain record is there.</summary>
public sealed class StoredCase(string number)
{
    public string Number { get; } = number;

    public List<string> Kinds { get; } = [];

    public HashSet<string> Subjects { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Assignees { get; } = new(StringComparer.Ordinal);

    public bool HasRecord { get; set; }

    public int Count(string kind) => Kinds.Count(k => string.Equals(k, kind, StringComparison.Ordinal));
}

/// <summary>One service's cases, idempotency records and technicians' assignment rows, as read from its database.</summary>
public sealed class StoreSnapshot
{
    public Dictionary<string, StoredCase> Cases { get; } = new(StringComparer.Ordinal);

    /// <summary>Grain keys of the idempotency records (<c>cases/{key}</c>).</summary>
    public HashSet<string> IdempotencyKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>(technician, case number) of every assignment row.</summary>
    public HashSet<(string Technician, string Case)> Assignments { get; } = [];

    public StoredCase Case(string number)
    {
        if (!Cases.TryGetValue(number, out var stored))
        {
            Cases[number] = stored = new StoredCase(number);
        }
        return stored;
    }
}

/// <summary>Reads a <see cref="StoreSnapshot"/> from one kind of database.</summary>
public interface IStoreReader
{
    Task<StoreSnapshot> ReadAsync(string serviceId, CancellationToken cancellationToken);
}
