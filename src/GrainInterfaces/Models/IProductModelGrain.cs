using AfterSales.Common;

namespace AfterSales.Models;

/// <summary>One product model of the catalogue (key: the model code, case as given).</summary>
[Alias("AfterSales.IProductModelGrain")]
public interface IProductModelGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the definition (412 on a stale expected version).</summary>
    [Alias("Define")]
    Task<Result<ProductModel>> DefineAsync(DefineProductModelRequest request);

    /// <summary>The model, or null when it was never defined.</summary>
    [Alias("Get"), ReadOnly]
    Task<ProductModel?> GetAsync();

    /// <summary>Adds a known solution to a fault code (404 on an unknown code).</summary>
    [Alias("AddSolution")]
    Task<Result<KnownSolution>> AddSolutionAsync(AddSolutionRequest request);

    /// <summary>A resolution recorded that a known solution worked: counts it (one-way; unknown ids are ignored).</summary>
    [Alias("OnSolutionUsed"), OneWay]
    Task OnSolutionUsedAsync(string solutionId);
}
