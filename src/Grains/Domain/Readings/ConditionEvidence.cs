using System.Globalization;
using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Domain.Readings;

/// <summary>The words a condition-based work order carries: the rule, the statistic it computed and the window of
/// values it computed it from.</summary>
internal static class ConditionEvidence
{
    public static string Of(ConditionRule rule, string unit, double statistic, IReadOnlyList<MeterSample> recent)
    {
        var window = recent.Skip(Math.Max(0, recent.Count - rule.Window)).ToList();
        var values = string.Join(", ", window.Select(s => s.Value.ToString("0.###", CultureInfo.InvariantCulture)));
        var per = rule.Statistic == ConditionStatistic.RateOfChange ? $" {unit}/h" : $" {unit}";
        var comparison = rule.Comparison == ConditionComparison.Above ? "above" : "below";
        var sustained = rule.Sustained > 1 ? string.Create(CultureInfo.InvariantCulture, $" for {rule.Sustained} readings in a row") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"rule {rule.Id}: {CamelNames.Of(rule.Statistic)} of {rule.Meter} over the last {rule.Window} readings is {statistic:0.###}{per}, {comparison} {rule.Threshold:0.###}{per}{sustained}; values {values} from {window[0].At:O} to {window[^1].At:O}");
    }
}
