using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>
/// Checks a routing policy against the rules of its data and the configured regions. Used by the policy grain
/// (each error becomes a field-level 400) and by the options validator at start (the same messages, prefixed
/// with the configuration path). Field paths are camelCase JSON paths such as <c>rules[2].required[0].minLevel</c>.
/// </summary>
internal static partial class RoutingPolicyValidator
{
    public const int MaxRules = 500;
    public const int MaxRequirementsPerRule = 20;
    public const int MaxNameLength = 64;
    public const int MaxWeight = 100;
    public const int MaxNeighbours = 10;
    public const int MaxQueueLength = 100_000;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    public static IEnumerable<PolicyError> Validate(RoutingPolicy policy, IReadOnlyCollection<string> regions)
    {
        var rules = Normal(policy.Rules);
        if (rules.Length > MaxRules)
        {
            yield return new("rules", $"A policy holds at most {MaxRules} rules.");
        }
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Length; i++)
        {
            foreach (var error in ValidateRule(rules[i], Path("rules", i)))
            {
                yield return error;
            }
            if (rules[i] is { Id: { } id } && !ruleIds.Add(id))
            {
                yield return new(Path("rules", i) + ".id", $"Rule id '{id}' is used twice.");
            }
        }

        var weights = Normal(policy.Weights);
        var types = new HashSet<CaseType>();
        for (var i = 0; i < weights.Length; i++)
        {
            var path = Path("weights", i);
            if (weights[i] is not { } weight)
            {
                yield return new(path, "A weight entry cannot be null.");
                continue;
            }
            if (!Enum.IsDefined(weight.Type))
            {
                yield return new(path + ".type", $"Type must be {CamelNames.OneOf<CaseType>()}.");
            }
            else if (!types.Add(weight.Type))
            {
                yield return new(path + ".type", $"The weight of {CamelNames.Of(weight.Type)} is given twice.");
            }
            if (weight.Weight is < 1 or > MaxWeight)
            {
                yield return new(path + ".weight", $"A weight is between 1 and {MaxWeight} capacity units.");
            }
        }

        if (!Enum.IsDefined(policy.DefaultStrategy))
        {
            yield return new("defaultStrategy", StrategyMessage);
        }
        var strategies = Normal(policy.Strategies);
        var strategyKeys = new HashSet<(Department, string?)>();
        for (var i = 0; i < strategies.Length; i++)
        {
            foreach (var error in ValidateStrategy(strategies[i], Path("strategies", i), regions))
            {
                yield return error;
            }
            if (strategies[i] is { } entry && !strategyKeys.Add((entry.Department, entry.Region)))
            {
                yield return new(Path("strategies", i), $"{DepartmentNames.ToSlug(entry.Department)} in {entry.Region ?? "every region"} has two strategy entries.");
            }
        }

        var neighbours = Normal(policy.Neighbours);
        var neighbourRegions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < neighbours.Length; i++)
        {
            foreach (var error in ValidateNeighbours(neighbours[i], Path("neighbours", i), regions))
            {
                yield return error;
            }
            if (neighbours[i] is { Region: { } region } && !neighbourRegions.Add(region))
            {
                yield return new(Path("neighbours", i) + ".region", $"Region '{region}' has two neighbour entries.");
            }
        }

        if (policy.Overflow is not { } overflow)
        {
            yield return new("overflow", "Overflow thresholds are required.");
        }
        else
        {
            if (overflow.QueueLength is < 1 or > MaxQueueLength)
            {
                yield return new("overflow.queueLength", $"The overflow queue length is between 1 and {MaxQueueLength}.");
            }
            if (overflow.OldestWait <= TimeSpan.Zero || overflow.OldestWait > MaxDelay)
            {
                yield return new("overflow.oldestWait", "The overflow wait is more than zero and at most 7 days.");
            }
        }
        if (policy.RelaxationDelay < TimeSpan.Zero || policy.RelaxationDelay > MaxDelay)
        {
            yield return new("relaxationDelay", "The relaxation delay is between zero and 7 days.");
        }
    }

    public static IEnumerable<PolicyError> ValidateRule(SkillRule? rule, string path)
    {
        if (rule is null)
        {
            yield return new(path, "A rule cannot be null.");
            yield break;
        }
        if (!IsName(rule.Id))
        {
            yield return new(Join(path, "id"), NameMessage("A rule id"));
        }
        if (rule.CaseType is { } type && !Enum.IsDefined(type))
        {
            yield return new(Join(path, "caseType"), $"Case type must be {CamelNames.OneOf<CaseType>()}.");
        }
        if (rule.DeviceModel is { } model && !IsName(model))
        {
            yield return new(Join(path, "deviceModel"), NameMessage("A device model"));
        }
        if (rule.Category is { } category && !IsName(category))
        {
            yield return new(Join(path, "category"), NameMessage("A category"));
        }
        var required = Normal(rule.Required);
        var optional = Normal(rule.Optional);
        if (required.Length == 0 && optional.Length == 0)
        {
            yield return new(Join(path, "required"), "A rule needs at least one required or optional skill.");
        }
        foreach (var error in ValidateRequirements(required, Join(path, "required")).Concat(ValidateRequirements(optional, Join(path, "optional"))))
        {
            yield return error;
        }
    }

    public static IEnumerable<PolicyError> ValidateStrategy(DepartmentStrategy? entry, string path, IReadOnlyCollection<string> regions)
    {
        if (entry is null)
        {
            yield return new(path, "A strategy entry cannot be null.");
            yield break;
        }
        if (!Enum.IsDefined(entry.Department))
        {
            yield return new(Join(path, "department"), "Department must be customer-service, technical-support, installation or maintenance.");
        }
        if (entry.Region is { } region && !regions.Contains(region))
        {
            yield return new(Join(path, "region"), RegionMessage(region, regions));
        }
        if (!Enum.IsDefined(entry.Strategy))
        {
            yield return new(Join(path, "strategy"), StrategyMessage);
        }
    }

    public static IEnumerable<PolicyError> ValidateNeighbours(RegionNeighbours? entry, string path, IReadOnlyCollection<string> regions)
    {
        if (entry is null)
        {
            yield return new(path, "A neighbour entry cannot be null.");
            yield break;
        }
        if (entry.Region is null || !regions.Contains(entry.Region))
        {
            yield return new(Join(path, "region"), RegionMessage(entry.Region, regions));
        }
        var list = Normal(entry.Neighbours);
        if (list.Length > MaxNeighbours)
        {
            yield return new(Join(path, "neighbours"), $"A region has at most {MaxNeighbours} neighbours.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var neighbour = list[i];
            var at = Path(Join(path, "neighbours"), i);
            if (neighbour is null || !regions.Contains(neighbour))
            {
                yield return new(at, RegionMessage(neighbour, regions));
            }
            else if (neighbour == entry.Region)
            {
                yield return new(at, "A region is not its own neighbour.");
            }
            else if (!seen.Add(neighbour))
            {
                yield return new(at, $"Neighbour '{neighbour}' is listed twice.");
            }
        }
    }

    private static IEnumerable<PolicyError> ValidateRequirements(ImmutableArray<SkillRequirement> requirements, string path)
    {
        if (requirements.Length > MaxRequirementsPerRule)
        {
            yield return new(path, $"A rule lists at most {MaxRequirementsPerRule} skills here.");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requirements.Length; i++)
        {
            var at = Path(path, i);
            if (requirements[i] is not { } requirement)
            {
                yield return new(at, "A skill requirement cannot be null.");
                continue;
            }
            if (!IsName(requirement.Name))
            {
                yield return new(Join(at, "name"), NameMessage("A skill name"));
            }
            else if (!names.Add(requirement.Name))
            {
                yield return new(Join(at, "name"), $"Skill '{requirement.Name}' is listed twice.");
            }
            if (requirement.MinLevel is < 1 or > 5)
            {
                yield return new(Join(at, "minLevel"), "A minimum level is between 1 and 5.");
            }
        }
    }

    private const string StrategyMessage = "Strategy must be leastLoaded, roundRobin or bestSkillMatch.";

    private static string NameMessage(string what) =>
        $"{what} is 1 to {MaxNameLength} letters, digits, '-', '_' or '.'.";

    private static string RegionMessage(string? region, IReadOnlyCollection<string> regions) =>
        $"Region '{region}' is not served; served regions: {string.Join(", ", regions)}.";

    private static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    private static string Path(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private static ImmutableArray<T> Normal<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
