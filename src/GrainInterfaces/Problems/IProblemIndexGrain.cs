namespace AfterSales.Problems;

/// <summary>The open problems, for supervisors (key: <see cref="Common.GrainKeys.OpenProblems"/>). A read model kept by
/// the problem cases themselves after their writes; problems are few, so one grain holds them all. It awaits nothing.</summary>
[Alias("AfterSales.IProblemIndexGrain")]
public interface IProblemIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a problem's entry (while it is open).</summary>
    [Alias("Update")]
    Task UpdateAsync(ProblemSummary problem);

    /// <summary>The problem ended (resolved or cancelled): it is no longer listed.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string number);

    /// <summary>Open problems by number after <paramref name="after"/> (null: from the first), at most <paramref name="limit"/>.</summary>
    [Alias("GetPage"), ReadOnly]
    Task<ProblemPage> GetPageAsync(string? after, int limit);
}
