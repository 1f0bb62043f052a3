using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Reads a case's whole journal, page by page.</summary>
public static class CaseHistory
{
    /// <summary>Every event, oldest first; null when no case has the number.</summary>
    public static async Task<ImmutableArray<CaseEvent>?> ReadAllAsync(this ICaseGrain grain, int pageSize = 1000)
    {
        var events = ImmutableArray.CreateBuilder<CaseEvent>();
        var after = 0;
        while (true)
        {
            if (await grain.GetHistoryAsync(after, pageSize) is not { } page)
            {
                return null;
            }
            events.AddRange(page.Events);
            if (!page.HasMore)
            {
                return events.ToImmutable();
            }
            after = page.Events[^1].Sequence;
        }
    }
}
