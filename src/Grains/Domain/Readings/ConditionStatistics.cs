using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Domain.Readings;

/// <summary>The statistic of a condition rule over a window of a meter's most recent readings (oldest first).</summary>
internal static class ConditionStatistics
{
    /// <summary>The statistic, or null until the window is full (a rule judges only a whole window).</summary>
    public static double? Compute(ConditionStatistic statistic, int window, IReadOnlyList<MeterSample> recent)
    {
        if (window < 1 || recent.Count < window || (statistic == ConditionStatistic.RateOfChange && window < 2))
        {
            return null;
        }
        var start = recent.Count - window;
        switch (statistic)
        {
            case ConditionStatistic.Last:
                return recent[^1].Value;
            case ConditionStatistic.Mean:
                var sum = 0.0;
                for (var i = start; i < recent.Count; i++)
                {
                    sum += recent[i].Value;
                }
                return sum / window;
            case ConditionStatistic.Max:
                var max = double.MinValue;
                for (var i = start; i < recent.Count; i++)
                {
                    max = Math.Max(max, recent[i].Value);
                }
                return max;
            case ConditionStatistic.RateOfChange:
                var first = recent[start];
                var hours = (recent[^1].At - first.At).TotalHours;
                return hours > 0 ? (recent[^1].Value - first.Value) / hours : null;
            default:
                return null;
        }
    }

    public static bool Holds(ConditionComparison comparison, double statistic, double threshold) =>
        comparison == ConditionComparison.Above ? statistic > threshold : statistic < threshold;
}
