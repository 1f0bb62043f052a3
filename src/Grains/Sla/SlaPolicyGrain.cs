using AfterSales.Common;
using AfterSales.Domain.Sla;
using Microsoft.Extensions.Logging;

namespace AfterSales.Sla;

/// <summary>
/// The one SLA policy (key <see cref="GrainKeys.SlaPolicy"/>): <see cref="SlaPolicies.Default"/> (version 0, not
/// stored) until replaced as a whole, validated document. Cases read it through the silo's
/// <see cref="SlaPolicyCache"/>. It never calls another grain, so any grain may await it.
/// </summary>
internal sealed class SlaPolicyGrain(
    [PersistentState("slaPolicy", StorageNames.Main)] IPersistentState<SlaPolicyState> state,
    SlaPolicyCache cache,
    TimeProvider time,
    ILogger<SlaPolicyGrain> logger) : Grain, ISlaPolicyGrain
{
    private SlaPolicy Policy => state.State.Policy ?? SlaPolicies.Default();

    public Task<SlaPolicy> GetAsync() => Task.FromResult(Policy);

    public async Task<Result<SlaPolicy>> ReplaceAsync(ReplaceSlaPolicyRequest request)
    {
        if (request.ExpectedVersion is { } expected && expected != Policy.Version)
        {
            return CommandError.StaleVersion(expected, Policy.Version);
        }
        if (SlaPolicyValidator.Validate(request).FirstOrDefault() is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        state.State.Policy = new SlaPolicy(Policy.Version + 1, SlaPolicies.OrEmpty(request.Rules), request.WarningPercent, time.GetUtcNow());
        await state.WriteOrResetAsync(this);
        cache.Observe(GrainKeys.SlaPolicy, Policy);
        logger.PolicyChanged(Policy.Version, Policy.Rules.Length);
        return Result.Ok(Policy);
    }
}
