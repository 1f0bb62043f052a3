using System.Collections.Immutable;
using AfterSales.Persistence;

namespace AfterSales.CaseList;

/// <summary>What a case publishes on the case-event stream after a write: the events that write committed, in
/// sequence order.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.CaseFeedItem")]
public sealed record CaseFeedItem([property: Id(0)] string CaseNumber, [property: Id(1)] ImmutableArray<JournalEvent> Events);
