using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Routing;

/// <summary>
/// The one routing policy: seeded from <see cref="RoutingOptions"/> on first activation, changed only through
/// validated commands, each of which bumps the version. Nothing routes through this grain: every silo keeps a
/// <see cref="RoutingPolicyCache"/>, refreshed on a timer and told directly about changes made on its own silo.
/// It never calls another grain, so any grain may await it.
/// </summary>
internal sealed class RoutingPolicyGrain(
    [PersistentState("routingPolicy", StorageNames.Main)] IPersistentState<RoutingPolicyState> state,
    IOptions<RoutingOptions> routing,
    IOptions<AfterSalesOptions> options,
    RoutingPolicyCache cache,
    TimeProvider time,
    ILogger<RoutingPolicyGrain> logger) : Grain, IRoutingPolicyGrain
{
    private RoutingPolicy Policy => state.State.Policy!;

    private IReadOnlyCollection<string> Regions => options.Value.Regions;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Policy is null)
        {
            // Valid: the same reader refused to let the silo start otherwise.
            var (seed, _) = RoutingOptionsReader.Read(routing.Value, Regions, time.GetUtcNow());
            state.State.Policy = seed;
            await state.WriteOrResetAsync(this, cancellationToken);
            logger.PolicySeeded(seed.Rules.Length);
        }
        // A policy stored before a case type existed shows that type's default weight, which routing uses for it anyway.
        state.State.Policy = Policy with { Weights = RoutingPolicies.CompleteWeights(Policy.Weights) };
        cache.Observe(Policy);
    }

    public Task<RoutingPolicy> GetAsync() => Task.FromResult(Policy);

    public Task<Result<RoutingPolicy>> ReplaceAsync(ReplaceRoutingPolicyRequest request)
    {
        if (Stale(request.ExpectedVersion) is { } stale)
        {
            return Task.FromResult<Result<RoutingPolicy>>(stale);
        }
        var candidate = Policy with
        {
            Rules = Normal(request.Rules),
            Weights = Normal(request.Weights),
            DefaultStrategy = request.DefaultStrategy,
            Strategies = Normal(request.Strategies),
            Neighbours = Normal(request.Neighbours),
            Overflow = request.Overflow,
            RelaxationDelay = request.RelaxationDelay,
        };
        // Validated before completing the weights, so a bad weight entry is reported at its own index.
        if (FirstError(RoutingPolicyValidator.Validate(candidate, Regions)) is { } invalid)
        {
            return Task.FromResult<Result<RoutingPolicy>>(invalid);
        }
        return ApplyAsync(candidate with { Weights = RoutingPolicies.CompleteWeights(candidate.Weights) }, "replaced");
    }

    public Task<Result<RoutingPolicy>> PutRuleAsync(PutSkillRuleRequest request)
    {
        if (Stale(request.ExpectedVersion) is { } stale)
        {
            return Task.FromResult<Result<RoutingPolicy>>(stale);
        }
        if (FirstError(RoutingPolicyValidator.ValidateRule(request.Rule, "rule")) is { } invalid)
        {
            return Task.FromResult<Result<RoutingPolicy>>(invalid);
        }
        var rules = Policy.Rules;
        var index = -1;
        for (var i = 0; i < rules.Length && index < 0; i++)
        {
            index = rules[i].Id == request.Rule.Id ? i : -1;
        }
        if (index < 0 && rules.Length >= RoutingPolicyValidator.MaxRules)
        {
            return Task.FromResult<Result<RoutingPolicy>>(
                CommandError.Conflict($"The policy already holds {RoutingPolicyValidator.MaxRules} rules, the most it keeps."));
        }
        var changed = index < 0 ? rules.Add(request.Rule) : rules.SetItem(index, request.Rule);
        return ApplyAsync(Policy with { Rules = changed }, $"rule {request.Rule.Id} {(index < 0 ? "added" : "replaced")}");
    }

    public Task<Result<RoutingPolicy>> RemoveRuleAsync(RemoveSkillRuleRequest request)
    {
        if (Stale(request.ExpectedVersion) is { } stale)
        {
            return Task.FromResult<Result<RoutingPolicy>>(stale);
        }
        var rule = Policy.Rules.FirstOrDefault(r => r.Id == request.RuleId);
        if (rule is null)
        {
            return Task.FromResult<Result<RoutingPolicy>>(CommandError.NotFound($"No rule has id '{request.RuleId}'.", "ruleId"));
        }
        return ApplyAsync(Policy with { Rules = Policy.Rules.Remove(rule) }, $"rule {rule.Id} removed");
    }

    public Task<Result<RoutingPolicy>> SetStrategyAsync(SetDepartmentStrategyRequest request)
    {
        if (Stale(request.ExpectedVersion) is { } stale)
        {
            return Task.FromResult<Result<RoutingPolicy>>(stale);
        }
        var entry = new DepartmentStrategy(request.Department, request.Region, request.Strategy ?? RoutingStrategy.LeastLoaded);
        if (FirstError(RoutingPolicyValidator.ValidateStrategy(entry, "", Regions)) is { } invalid)
        {
            return Task.FromResult<Result<RoutingPolicy>>(invalid);
        }
        var kept = Policy.Strategies.RemoveAll(s => s.Department == request.Department && s.Region == request.Region);
        var changed = request.Strategy is null ? kept : kept.Add(entry);
        var where = $"{DepartmentNames.ToSlug(request.Department)} in {request.Region ?? "every region"}";
        return ApplyAsync(Policy with { Strategies = changed }, request.Strategy is { } s ? $"{where}: {CamelNames.Of(s)}" : $"{where}: cleared");
    }

    public Task<Result<RoutingPolicy>> SetNeighboursAsync(SetRegionNeighboursRequest request)
    {
        if (Stale(request.ExpectedVersion) is { } stale)
        {
            return Task.FromResult<Result<RoutingPolicy>>(stale);
        }
        var entry = new RegionNeighbours(request.Region, Normal(request.Neighbours));
        if (FirstError(RoutingPolicyValidator.ValidateNeighbours(entry, "", Regions)) is { } invalid)
        {
            return Task.FromResult<Result<RoutingPolicy>>(invalid);
        }
        var kept = Policy.Neighbours.RemoveAll(n => n.Region == request.Region);
        var changed = entry.Neighbours.IsEmpty ? kept : kept.Add(entry);
        return ApplyAsync(Policy with { Neighbours = changed }, $"neighbours of {request.Region}: {string.Join(", ", entry.Neighbours)}");
    }

    private async Task<Result<RoutingPolicy>> ApplyAsync(RoutingPolicy candidate, string change)
    {
        state.State.Policy = candidate with { Version = Policy.Version + 1, UpdatedAt = time.GetUtcNow() };
        await state.WriteOrResetAsync(this);
        cache.Observe(Policy);
        logger.PolicyChanged(Policy.Version, change);
        return Result.Ok(Policy);
    }

    private CommandError? Stale(int? expectedVersion) =>
        expectedVersion is { } expected && expected != Policy.Version ? CommandError.StaleVersion(expected, Policy.Version) : null;

    private static CommandError? FirstError(IEnumerable<PolicyError> errors) =>
        errors.FirstOrDefault() is { } error ? CommandError.Invalid(error.Field, error.Message) : null;

    private static ImmutableArray<T> Normal<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;
}
