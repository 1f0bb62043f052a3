using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Models;

namespace AfterSales.Domain.Models;

/// <summary>A model's meters (names unique, a unit, counter or gauge) and condition rules (ids unique, on one of the
/// model's meters, a window of 1–100 readings — 2 or more for a rate of change —, a finite threshold, 1–100 readings
/// sustained).</summary>
internal static partial class ProductModelValidator
{
    private static IEnumerable<FieldError> Meters(ImmutableArray<MeterDefinition> meters)
    {
        if (meters.Length > ProductModelLimits.Meters)
        {
            yield return new("meters", $"A model has at most {ProductModelLimits.Meters} meters.");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < meters.Length; i++)
        {
            var at = At("meters", i);
            if (meters[i] is not { } meter)
            {
                yield return new(at, "A meter cannot be null.");
                continue;
            }
            if (!IsIdentifier(meter.Name))
            {
                yield return new(at + ".name", IdentifierMessage("A meter name", FieldLimits.Identifier));
            }
            else if (!names.Add(meter.Name))
            {
                yield return new(at + ".name", $"Meter '{meter.Name}' is listed twice.");
            }
            if (Text(meter.Unit, ProductModelLimits.Unit) is { } unitError)
            {
                yield return new(at + ".unit", unitError);
            }
            if (!Enum.IsDefined(meter.Kind))
            {
                yield return new(at + ".kind", "Kind must be counter or gauge.");
            }
        }
    }

    private static IEnumerable<FieldError> ConditionRules(ImmutableArray<ConditionRule> rules, ImmutableArray<MeterDefinition> meters)
    {
        if (rules.Length > ProductModelLimits.ConditionRules)
        {
            yield return new("conditionRules", $"A model has at most {ProductModelLimits.ConditionRules} condition rules.");
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Length; i++)
        {
            var at = At("conditionRules", i);
            if (rules[i] is not { } rule)
            {
                yield return new(at, "A condition rule cannot be null.");
                continue;
            }
            if (!IsIdentifier(rule.Id))
            {
                yield return new(at + ".id", IdentifierMessage("A rule id", FieldLimits.Identifier));
            }
            else if (!ids.Add(rule.Id))
            {
                yield return new(at + ".id", $"Rule id '{rule.Id}' is used twice.");
            }
            if (!meters.Any(m => m is not null && string.Equals(m.Name, rule.Meter, StringComparison.Ordinal)))
            {
                yield return new(at + ".meter", $"The rule reads meter '{rule.Meter}', which the model does not define in meters.");
            }
            if (!Enum.IsDefined(rule.Statistic))
            {
                yield return new(at + ".statistic", "Statistic must be last, mean, max or rateOfChange.");
            }
            if (!Enum.IsDefined(rule.Comparison))
            {
                yield return new(at + ".comparison", "Comparison must be above or below.");
            }
            var minWindow = rule.Statistic == ConditionStatistic.RateOfChange ? 2 : 1;
            if (rule.Window < minWindow || rule.Window > ProductModelLimits.ConditionWindowMax)
            {
                yield return new(at + ".window", $"The window is {minWindow} to {ProductModelLimits.ConditionWindowMax} readings"
                    + (minWindow == 2 ? " (a rate of change needs two)." : "."));
            }
            if (!double.IsFinite(rule.Threshold))
            {
                yield return new(at + ".threshold", "The threshold is a finite number.");
            }
            if (rule.Sustained is < 1 or > ProductModelLimits.ConditionWindowMax)
            {
                yield return new(at + ".sustained", $"A condition is sustained for 1 to {ProductModelLimits.ConditionWindowMax} readings.");
            }
        }
    }
}
