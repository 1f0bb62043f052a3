using AfterSales.Models;

namespace AfterSales.Models;

/// <summary>Durable state of <see cref="ProductModelGrain"/>: the definition, null until defined.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ProductModelState")]
internal sealed class ProductModelState
{
    [Id(0)] public ProductModel? Model { get; set; }

    /// <summary>The version of the last (re)definition; solutions and their counts change the model's version, not this.</summary>
    [Id(1)] public int DefinedVersion { get; set; }

    /// <summary>The definition the catalogue last acknowledged; behind <see cref="DefinedVersion"/> when listing it failed.</summary>
    [Id(2)] public int ListedVersion { get; set; }

    /// <summary>The plans version every shard of the model's device index acknowledged; behind the model's
    /// <see cref="ProductModel.PlansVersion"/> until they did (a reminder retries).</summary>
    [Id(9)] public int AnnouncedPlansVersion { get; set; }
}
