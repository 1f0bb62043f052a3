using AfterSales.Persistence;

namespace AfterSales.Audit;

/// <summary>Durable state of <see cref="AuditLogGrain"/>: nothing but its rows, one per entry, keyed by entry id.</summary>
[GenerateSerializer, Alias("AfterSales.Audit.AuditLogState")]
internal sealed class AuditLogState : IRowBackedState
{
    /// <summary>Entries written so far, so the record changes with each write (the provider writes it conditionally).</summary>
    [Id(0)] public long Entries { get; set; }

    [field: NonSerialized]
    public StateRows<AuditEntry> Rows { get; } = new("entry");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Rows];

    EventJournal? IRowBackedState.Journal => null;
}
