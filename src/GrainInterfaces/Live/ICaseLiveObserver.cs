using System.Collections.Immutable;

namespace AfterSales.Live;

/// <summary>An API process that shows case changes live (Server-Sent Events): it receives each partition's changes in
/// coalesced batches.</summary>
[Alias("AfterSales.Live.ICaseLiveObserver")]
public interface ICaseLiveObserver : IGrainObserver
{
    /// <summary>Changes committed since the last batch, in the order the partition received them.</summary>
    [OneWay, Alias("OnCaseChanges")]
    Task OnCaseChangesAsync(ImmutableArray<CaseChange> changes);
}
