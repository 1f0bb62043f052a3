using System.Collections.Immutable;
using AfterSales.Surveys;

namespace AfterSales.Domain.Surveys;

/// <summary>Survey figures from counts (docs/SURVEYS.md states the formulas).</summary>
public static class SurveyMath
{
    public static readonly ImmutableArray<long> NoScores = [0, 0, 0, 0, 0];

    public static SurveyTotals Empty(DateOnly day) => new(day, 0, 0, NoScores, 0, 0, 0);

    /// <summary>Promoter (9–10), passive (7–8) or detractor (0–6).</summary>
    public static int NpsClass(int nps) => nps >= 9 ? 1 : nps >= 7 ? 0 : -1;

    /// <summary><paramref name="totals"/> with <paramref name="fact"/> counted (<paramref name="sign"/> 1) or uncounted (-1).</summary>
    public static SurveyTotals Apply(SurveyTotals totals, SurveyFact fact, int sign)
    {
        if (fact.Kind == SurveyFactKind.Issued)
        {
            return totals with { Issued = totals.Issued + sign };
        }
        var scores = totals.ScoreCounts.IsDefaultOrEmpty ? NoScores : totals.ScoreCounts;
        var nps = NpsClass(fact.Nps);
        return totals with
        {
            Responses = totals.Responses + sign,
            ScoreCounts = scores.SetItem(fact.Score - 1, scores[fact.Score - 1] + sign),
            Promoters = totals.Promoters + (nps == 1 ? sign : 0),
            Passives = totals.Passives + (nps == 0 ? sign : 0),
            Detractors = totals.Detractors + (nps == -1 ? sign : 0),
        };
    }

    /// <summary>The sum of <paramref name="days"/>, dated <paramref name="first"/>.</summary>
    public static SurveyTotals Sum(DateOnly first, IEnumerable<SurveyTotals> days)
    {
        var sum = Empty(first);
        var scores = new long[5];
        foreach (var d in days)
        {
            sum = sum with
            {
                Issued = sum.Issued + d.Issued,
                Responses = sum.Responses + d.Responses,
                Promoters = sum.Promoters + d.Promoters,
                Passives = sum.Passives + d.Passives,
                Detractors = sum.Detractors + d.Detractors,
            };
            for (var i = 0; i < scores.Length && !d.ScoreCounts.IsDefaultOrEmpty; i++)
            {
                scores[i] += d.ScoreCounts[i];
            }
        }
        return sum with { ScoreCounts = [.. scores] };
    }

    /// <summary>Mean CSAT score, rounded to 2 decimals; null without responses.</summary>
    public static double? CsatAverage(SurveyTotals t) => t.Responses == 0
        ? null
        : Round((double)t.ScoreCounts.Select((count, i) => count * (i + 1)).Sum() / t.Responses);

    /// <summary>Share of responses scoring 4 or 5, in percent (2 decimals); null without responses.</summary>
    public static double? CsatSatisfiedPercent(SurveyTotals t) => t.Responses == 0
        ? null
        : Round(100.0 * (t.ScoreCounts[3] + t.ScoreCounts[4]) / t.Responses);

    /// <summary>% promoters − % detractors, −100 to 100 (2 decimals); null without responses.</summary>
    public static double? Nps(SurveyTotals t) => t.Responses == 0
        ? null
        : Round(100.0 * (t.Promoters - t.Detractors) / t.Responses);

    /// <summary>Responses / surveys issued in the same period, 0 to … (4 decimals); null when none was issued.</summary>
    public static double? ResponseRate(SurveyTotals t) => t.Issued == 0
        ? null
        : Math.Round((double)t.Responses / t.Issued, 4, MidpointRounding.AwayFromZero);

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
