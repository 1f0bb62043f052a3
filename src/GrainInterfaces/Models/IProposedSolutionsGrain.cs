using System.Collections.Immutable;

namespace AfterSales.Models;

/// <summary>New solutions that resolutions of one model's fault cases proposed (key: the model code), for supervisors to
/// adopt into the model (<see cref="IProductModelGrain.AddSolutionAsync"/> with the case as source). The newest
/// <see cref="MaxProposals"/> are kept; a case proposing again replaces its earlier proposal. It awaits nothing.</summary>
[Alias("AfterSales.IProposedSolutionsGrain")]
public interface IProposedSolutionsGrain : IGrainWithStringKey
{
    public const int MaxProposals = 200;

    /// <summary>Records a proposal (idempotent per case and text).</summary>
    [Alias("Propose")]
    Task ProposeAsync(ProposedSolution proposal);

    /// <summary>The proposals, newest first.</summary>
    [Alias("Get"), ReadOnly]
    Task<ImmutableArray<ProposedSolution>> GetAsync();
}
