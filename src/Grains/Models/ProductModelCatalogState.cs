using AfterSales.Persistence;

namespace AfterSales.Models;

/// <summary>Durable state of <see cref="ProductModelCatalogGrain"/>: one row per model, so listing a model writes one
/// row however large the catalogue grows.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ProductModelCatalogState")]
internal sealed class ProductModelCatalogState : IRowBackedState
{
    /// <summary>Listed models by code (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<ProductModelSummary> Models { get; } = new("model");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Models];

    EventJournal? IRowBackedState.Journal => null;
}
