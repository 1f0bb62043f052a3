using System.Collections.Immutable;
using AfterSales.Domain.Surveys;
using Orleans.Concurrency;

namespace AfterSales.Surveys;

/// <summary>Sums one dimension key's day totals over its month shards; a stateless worker, so queries spread over the
/// silos and no grain sees every query.</summary>
[StatelessWorker]
internal sealed class SurveyResultsGrain : Grain, ISurveyResultsGrain
{
    public async Task<ImmutableArray<SurveyTotals>> GetDaysAsync(SurveyDimension dimension, string key, DateOnly from, DateOnly to)
    {
        var shards = SurveyResultKeys.Months(from, to)
            .SelectMany(month => Enumerable.Range(0, SurveyResultKeys.ShardsOf(dimension))
                .Select(shard => GrainFactory.GetGrain<ISurveyResultsShardGrain>(SurveyResultKeys.Shard(dimension, key, month, shard))));
        var days = await Task.WhenAll(shards.Select(shard => shard.GetDaysAsync(from, to)));
        return [.. days.SelectMany(d => d)
            .GroupBy(d => d.Day)
            .OrderBy(g => g.Key)
            .Select(g => SurveyMath.Sum(g.Key, g))];
    }
}
