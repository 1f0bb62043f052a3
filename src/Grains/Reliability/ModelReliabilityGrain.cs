using AfterSales.Domain.Reliability;
using AfterSales.Models;
using Orleans.Concurrency;

namespace AfterSales.Reliability;

/// <summary>Reads a model's figures: the totals of its <see cref="ReliabilityKeys.Shards"/> shards, summed, at the
/// silo's clock. Stateless, so reads of a popular model spread over the silos.</summary>
[StatelessWorker]
internal sealed class ModelReliabilityGrain(ProductModelCache models, TimeProvider time) : Grain, IModelReliabilityGrain
{
    public async Task<ReliabilityFigures?> GetAsync()
    {
        // Devices file their facts under the model's code as the model spells it.
        if (await models.GetAsync(this.GetPrimaryKeyString()) is not { } model)
        {
            return null;
        }
        var code = model.Code;
        var shards = await Task.WhenAll(Enumerable.Range(0, ReliabilityKeys.Shards)
            .Select(shard => GrainFactory.GetGrain<IReliabilityShardGrain>(ReliabilityKeys.Shard(code, shard)).GetTotalsAsync()));
        return ReliabilityMath.Figures(shards.Aggregate(ReliabilityTotals.Zero, (sum, shard) => sum.Plus(shard)), time.GetUtcNow());
    }
}
