using AfterSales.Persistence;

namespace AfterSales.CaseList;

/// <summary>A case event read from the journal by the catch-up reader, handed to the partition it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CatchUpEvent")]
public sealed record CatchUpEvent([property: Id(0)] string CaseNumber, [property: Id(1)] long Position, [property: Id(2)] JournalEvent Event);
