namespace AfterSales.Reliability;

/// <summary>A model's reliability (key: model code), read from its <see cref="ReliabilityKeys.Shards"/> shards.</summary>
[Alias("AfterSales.IModelReliabilityGrain")]
public interface IModelReliabilityGrain : IGrainWithStringKey
{
    /// <summary>The model's figures now; null when no model has this code.</summary>
    [Alias("Get"), ReadOnly]
    Task<ReliabilityFigures?> GetAsync();
}
