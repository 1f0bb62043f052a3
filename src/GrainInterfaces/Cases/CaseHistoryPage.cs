using System.Collections.Immutable;

namespace AfterSales.Cases;

/// <summary>One page of a case's events, in sequence order.</summary>
/// <param name="Events">At most the requested number of events, each with a sequence above the requested one.</param>
/// <param name="LastSequence">The case's latest event sequence: more events follow when it is above the last event's.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseHistoryPage")]
public sealed record CaseHistoryPage(
    [property: Id(0)] ImmutableArray<CaseEvent> Events,
    [property: Id(1)] int LastSequence)
{
    /// <summary>True when events follow this page.</summary>
    public bool HasMore => !Events.IsDefaultOrEmpty && Events[^1].Sequence < LastSequence;
}
