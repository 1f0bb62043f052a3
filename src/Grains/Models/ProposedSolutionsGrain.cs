using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Models;

/// <summary>The new solutions that resolutions of one model's cases proposed, newest first, for supervisors to adopt.
/// A case proposing again replaces its earlier proposal; the oldest leave past the cap. It awaits nothing.</summary>
internal sealed class ProposedSolutionsGrain(
    [PersistentState("proposedSolutions", StorageNames.Main)] IPersistentState<ProposedSolutionsState> state) : Grain, IProposedSolutionsGrain
{
    private List<ProposedSolution> Proposals => state.State.Proposals;

    public async Task ProposeAsync(ProposedSolution proposal)
    {
        var index = Proposals.FindIndex(p => p.CaseNumber == proposal.CaseNumber);
        if (index >= 0 && Proposals[index] == proposal)
        {
            return;
        }
        if (index >= 0)
        {
            Proposals.RemoveAt(index);
        }
        Proposals.Insert(0, proposal);
        if (Proposals.Count > IProposedSolutionsGrain.MaxProposals)
        {
            Proposals.RemoveRange(IProposedSolutionsGrain.MaxProposals, Proposals.Count - IProposedSolutionsGrain.MaxProposals);
        }
        await state.WriteOrResetAsync(this);
    }

    public Task<ImmutableArray<ProposedSolution>> GetAsync() => Task.FromResult<ImmutableArray<ProposedSolution>>([.. Proposals]);
}
