using System.Collections.Immutable;
using AfterSales.Domain.Audit;

namespace AfterSales.Audit;

/// <summary>Reads pages of the audit record: the shards of one hour in parallel, hour after hour from the newest, each
/// shard asked for no more than what the page still lacks.</summary>
[StatelessWorker]
internal sealed class AuditReaderGrain : Grain, IAuditReaderGrain
{
    public async Task<AuditPage> ReadAsync(AuditQuery query)
    {
        var page = new List<AuditEntry>(query.Limit);
        // One more than the page, so the reader knows whether anything follows without a second round.
        var wanted = query.Limit + 1;
        foreach (var hour in AuditSelection.Hours(query))
        {
            var ask = query with { Limit = wanted - page.Count };
            var shards = await Task.WhenAll(Enumerable.Range(0, AuditKeys.Shards)
                .Select(shard => GrainFactory.GetGrain<IAuditLogGrain>(AuditKeys.Log(hour, shard)).QueryAsync(ask)));
            // Hours do not overlap and are read newest first, so this hour's entries all follow the ones already taken.
            page.AddRange(AuditSelection.Take(shards.SelectMany(entries => entries), ask, ask.Limit));
            if (page.Count >= wanted)
            {
                break;
            }
        }
        if (page.Count <= query.Limit)
        {
            return new AuditPage([.. page], null);
        }
        var last = page[query.Limit - 1];
        return new AuditPage([.. page.Take(query.Limit)], new AuditPosition(last.At, last.Id));
    }
}
