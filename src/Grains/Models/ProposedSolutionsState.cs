namespace AfterSales.Models;

/// <summary>Durable state of <see cref="ProposedSolutionsGrain"/>: the newest proposals, newest first (bounded).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ProposedSolutionsState")]
internal sealed class ProposedSolutionsState
{
    [Id(0)] public List<ProposedSolution> Proposals { get; set; } = [];
}
