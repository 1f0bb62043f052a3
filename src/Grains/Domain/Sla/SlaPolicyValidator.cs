using System.Text.RegularExpressions;
using AfterSales.Customers;
using AfterSales.Devices;
using CaseType = AfterSales.Cases.CaseType;
using AfterSales.Sla;

namespace AfterSales.Domain.Sla;

/// <summary>The rules an SLA policy must follow; errors carry the camelCase JSON path of the PUT body.</summary>
internal static partial class SlaPolicyValidator
{
    public const int MaxRules = SlaLimits.MaxRules;
    public const int MinWarningPercent = SlaLimits.MinWarningPercent;
    public const int MaxWarningPercent = SlaLimits.MaxWarningPercent;
    public const int MaxIdLength = 64;
    public const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    /// <summary>The longest target: a year.</summary>
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(365);

    /// <summary>The shortest target: a minute.</summary>
    public static readonly TimeSpan MinTarget = TimeSpan.FromMinutes(1);

    public static IEnumerable<FieldError> Validate(ReplaceSlaPolicyRequest request)
    {
        if (request.WarningPercent is < MinWarningPercent or > MaxWarningPercent)
        {
            yield return new FieldError("warningPercent", $"The warning point is {MinWarningPercent} to {MaxWarningPercent} percent of a target.");
        }
        var rules = SlaPolicies.OrEmpty(request.Rules);
        if (rules.Length > MaxRules)
        {
            yield return new FieldError("rules", $"A policy holds at most {MaxRules} rules.");
            yield break;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<object, string>();
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var at = $"rules[{i}]";
            if (string.IsNullOrEmpty(rule.Id) || rule.Id.Length > MaxIdLength || !Id().IsMatch(rule.Id))
            {
                yield return new FieldError($"{at}.id", $"A rule id has 1 to {MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
            else if (!ids.Add(rule.Id))
            {
                yield return new FieldError($"{at}.id", $"Rule id '{rule.Id}' is used twice.");
            }
            foreach (var error in Criteria(rule, at))
            {
                yield return error;
            }
            if (!keys.TryAdd(SlaPolicies.KeyOf(rule), rule.Id))
            {
                yield return new FieldError(at, $"Rule '{rule.Id}' matches exactly the same cases as rule '{keys[SlaPolicies.KeyOf(rule)]}'; merge them.");
            }
            foreach (var (target, name) in new[] { (rule.FirstResponse, "firstResponse"), (rule.NextUpdate, "nextUpdate"), (rule.Resolution, "resolution") })
            {
                if (TargetError(target) is { } error)
                {
                    yield return new FieldError($"{at}.{name}.{error.Field}", error.Message);
                }
            }
            if (rule.WarningPercent is < MinWarningPercent or > MaxWarningPercent)
            {
                yield return new FieldError($"{at}.warningPercent", $"The warning point is {MinWarningPercent} to {MaxWarningPercent} percent of a target.");
            }
        }
    }

    private static IEnumerable<FieldError> Criteria(SlaRule rule, string at)
    {
        if (rule.Priority is { } priority && !Enum.IsDefined(priority))
        {
            yield return new FieldError($"{at}.priority", $"Priority must be {CamelNames.OneOf<Cases.CasePriority>()}.");
        }
        if (rule.CustomerTier is { } customerTier && !Enum.IsDefined(customerTier))
        {
            yield return new FieldError($"{at}.customerTier", $"Customer tier must be {CamelNames.OneOf<CustomerTier>()}.");
        }
        if (rule.ContractTier is { } contractTier && !Enum.IsDefined(contractTier))
        {
            yield return new FieldError($"{at}.contractTier", $"Contract tier must be {CamelNames.OneOf<ContractTier>()}.");
        }
        if (rule.CaseType is { } type && !Enum.IsDefined(type))
        {
            yield return new FieldError($"{at}.caseType", $"Case type must be {CamelNames.OneOf<CaseType>()}.");
        }
        if (rule.Department is { } department && !Enum.IsDefined(department))
        {
            yield return new FieldError($"{at}.department", $"Department must be {CamelNames.OneOf<Common.Department>()}.");
        }
    }

    private static FieldError? TargetError(SlaTarget? target)
    {
        if (target is null)
        {
            return new FieldError("duration", "The target is required.");
        }
        if (!Enum.IsDefined(target.Clock))
        {
            return new FieldError("clock", "The clock must be business or calendar.");
        }
        return target.Duration < MinTarget || target.Duration > MaxTarget
            ? new FieldError("duration", "A target is 1 minute to 365 days (zero and negative targets are refused).")
            : null;
    }

    [GeneratedRegex(IdPattern)]
    private static partial Regex Id();
}
