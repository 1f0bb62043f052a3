using System.Collections.Immutable;

namespace AfterSales.Models;

/// <summary>The list of defined product models (one grain, key <see cref="Key"/>). Only listing reads it: routing
/// and case opening read models through each silo's cache of the model grains, never through this list.</summary>
[Alias("AfterSales.IProductModelCatalogGrain")]
public interface IProductModelCatalogGrain : IGrainWithStringKey
{
    /// <summary>The key of the one catalogue grain.</summary>
    public const string Key = "catalogue";

    /// <summary>A model was defined or changed: lists it (idempotent; an older version never overwrites a newer one).</summary>
    [Alias("OnDefined")]
    Task OnDefinedAsync(ProductModelSummary summary);

    /// <summary>Models with a code above <paramref name="afterCode"/> (ordinal order), at most <paramref name="limit"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<ProductModelPage> ListAsync(string? afterCode, int limit);
}

/// <summary>A model as the catalogue lists it, as of its last (re)definition: <see cref="Version"/> and
/// <see cref="UpdatedAt"/> are the definition's (a solution added later changes the model's version, not its listing).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ProductModelSummary")]
public sealed record ProductModelSummary(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] int WarrantyMonths,
    [property: Id(3)] int Version,
    [property: Id(4)] DateTimeOffset UpdatedAt);

/// <summary>A page of the catalogue, in code order; <see cref="HasMore"/> when models follow the last one.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ProductModelPage")]
public sealed record ProductModelPage(
    [property: Id(0)] ImmutableArray<ProductModelSummary> Models,
    [property: Id(1)] bool HasMore);
