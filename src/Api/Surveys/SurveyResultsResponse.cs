using AfterSales.Domain.Surveys;
using AfterSales.Surveys;

namespace AfterSales.Api.Surveys;

/// <summary>Survey figures of one technician, department and region, or region over a period of days (formulas in
/// docs/SURVEYS.md). Responses count on the day they were given, issues on the day they were made, both in the
/// region's calendar.</summary>
/// <param name="Technician">The technician asked for, or null.</param>
/// <param name="Department">The department asked for, or null.</param>
/// <param name="Region">The region asked for, or null (a technician's results).</param>
/// <param name="From">First day, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Totals">The figures of the whole period.</param>
/// <param name="Days">The figures of each day that had a survey issued or answered, in day order.</param>
public sealed record SurveyResultsResponse(
    string? Technician,
    string? Department,
    string? Region,
    DateOnly From,
    DateOnly To,
    SurveyFiguresResponse Totals,
    IReadOnlyList<SurveyDayResponse> Days);

/// <summary>Survey figures of a period.</summary>
/// <param name="Issued">Surveys issued.</param>
/// <param name="Responses">Responses received.</param>
/// <param name="ResponseRate">responses / issued (4 decimals); null when none was issued.</param>
/// <param name="CsatAverage">Mean score 1–5 (2 decimals); null without responses.</param>
/// <param name="CsatSatisfiedPercent">Share of scores 4 and 5, in percent (2 decimals); null without responses.</param>
/// <param name="CsatDistribution">Responses per score, scores 1 to 5.</param>
/// <param name="Nps">% promoters − % detractors, −100 to 100 (2 decimals); null without responses.</param>
/// <param name="Promoters">Responses with NPS 9–10.</param>
/// <param name="Passives">Responses with NPS 7–8.</param>
/// <param name="Detractors">Responses with NPS 0–6.</param>
public sealed record SurveyFiguresResponse(
    long Issued,
    long Responses,
    double? ResponseRate,
    double? CsatAverage,
    double? CsatSatisfiedPercent,
    IReadOnlyList<SurveyScoreCount> CsatDistribution,
    double? Nps,
    long Promoters,
    long Passives,
    long Detractors)
{
    internal static SurveyFiguresResponse From(SurveyTotals t) => new(
        t.Issued, t.Responses, SurveyMath.ResponseRate(t), SurveyMath.CsatAverage(t), SurveyMath.CsatSatisfiedPercent(t),
        [.. (t.ScoreCounts.IsDefaultOrEmpty ? SurveyMath.NoScores : t.ScoreCounts).Select((count, i) => new SurveyScoreCount(i + 1, count))],
        SurveyMath.Nps(t), t.Promoters, t.Passives, t.Detractors);
}

/// <summary>How many responses gave a score.</summary>
public sealed record SurveyScoreCount(int Score, long Count);

/// <summary>The figures of one day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Figures">Its figures.</param>
public sealed record SurveyDayResponse(DateOnly Day, SurveyFiguresResponse Figures);
