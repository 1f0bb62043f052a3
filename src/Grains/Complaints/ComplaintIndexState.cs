using AfterSales.Complaints;
using AfterSales.Persistence;

namespace AfterSales.Complaints;

/// <summary>Durable state of <see cref="ComplaintIndexGrain"/>: one row per complaint of the subject.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ComplaintIndexState")]
internal sealed class ComplaintIndexState : IRowBackedState
{
    /// <summary>Changes so far (the record's only member; the complaints are rows).</summary>
    [Id(0)] public long Changes { get; set; }

    /// <summary>The subject's complaints, keyed by id (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<ComplaintEntry> Complaints { get; } = new("complaint");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Complaints];

    EventJournal? IRowBackedState.Journal => null;
}
