using System.Collections.Immutable;
using AfterSales.Persistence;

namespace AfterSales.CaseList;

/// <summary>Publishes what a case write committed to the case-event stream. Fire and forget: the write is durable
/// already, and a lost publish is made up by the consumers' catch-up from the journal.</summary>
public interface ICaseFeed
{
    void Publish(string caseNumber, ImmutableArray<JournalEvent> events);
}
