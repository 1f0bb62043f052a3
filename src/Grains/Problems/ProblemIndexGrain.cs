using AfterSales.Common;

namespace AfterSales.Problems;

/// <summary>The open problems, listed by number for supervisors. Problem cases keep it current after their writes; it
/// awaits nothing. Problems are few (detection needs several faults per one), so one grain holds them.</summary>
internal sealed class ProblemIndexGrain(
    [PersistentState("problemIndex", StorageNames.Main)] IPersistentState<ProblemIndexState> state) : Grain, IProblemIndexGrain
{
    // The problems' numbers in order, built on first use after activation.
    private SortedSet<string>? _order;

    private SortedSet<string> Order => _order ??= new(state.State.Problems.Keys, StringComparer.Ordinal);

    public async Task UpdateAsync(ProblemSummary problem)
    {
        if (state.State.Problems.TryGetValue(problem.Number, out var held) && held == problem)
        {
            return;
        }
        state.State.Problems.Set(problem.Number, problem);
        Order.Add(problem.Number);
        state.State.Changes++;
        await state.WriteOrResetAsync(this);
    }

    public async Task RemoveAsync(string number)
    {
        if (!state.State.Problems.Remove(number))
        {
            return;
        }
        Order.Remove(number);
        state.State.Changes++;
        await state.WriteOrResetAsync(this);
    }

    public Task<ProblemPage> GetPageAsync(string? after, int limit)
    {
        var following = after is null ? Order : Order.Where(number => string.CompareOrdinal(number, after) > 0);
        var page = following.Take(Math.Max(limit, 0) + 1).ToArray();
        var shown = page.Take(limit).Select(number => state.State.Problems[number]);
        return Task.FromResult(new ProblemPage([.. shown], Order.Count, page.Length > limit));
    }
}
