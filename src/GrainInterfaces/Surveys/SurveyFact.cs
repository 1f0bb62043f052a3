using System.Collections.Immutable;

namespace AfterSales.Surveys;

/// <summary>What a survey counts in its aggregates: its issue, or its response (with the scores). Keyed by survey id and
/// kind, so a repeated delivery is counted once.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="Kind">Issued or responded.</param>
/// <param name="Day">The calendar day of the event in the case's region.</param>
/// <param name="Score">The CSAT score of a response (1–5), 0 for an issue.</param>
/// <param name="Nps">The NPS answer of a response (0–10), 0 for an issue.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyFact")]
public sealed record SurveyFact(
    [property: Id(0)] Guid SurveyId,
    [property: Id(1)] SurveyFactKind Kind,
    [property: Id(2)] DateOnly Day,
    [property: Id(3)] int Score = 0,
    [property: Id(4)] int Nps = 0);

/// <summary>The kinds of <see cref="SurveyFact"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.SurveyFactKind")]
public enum SurveyFactKind
{
    Issued = 0,
    Responded = 1,
}

/// <summary>The figures of one day (or a period, summed): counts only, so sums are exact.</summary>
/// <param name="Day">The day (for a period: its first day).</param>
/// <param name="Issued">Surveys issued.</param>
/// <param name="Responses">Responses received.</param>
/// <param name="ScoreCounts">Responses per CSAT score: index 0 is score 1 … index 4 is score 5.</param>
/// <param name="Promoters">Responses with NPS 9–10.</param>
/// <param name="Passives">Responses with NPS 7–8.</param>
/// <param name="Detractors">Responses with NPS 0–6.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyTotals")]
public sealed record SurveyTotals(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] long Issued,
    [property: Id(2)] long Responses,
    [property: Id(3)] ImmutableArray<long> ScoreCounts,
    [property: Id(4)] long Promoters,
    [property: Id(5)] long Passives,
    [property: Id(6)] long Detractors);

/// <summary>Which aggregate a results query reads.</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.SurveyDimension")]
public enum SurveyDimension
{
    /// <summary>Per technician (the survey's technician).</summary>
    Technician = 0,
    /// <summary>Per department and region (the case's at issue).</summary>
    DepartmentRegion = 1,
    /// <summary>Per region (the case's at issue).</summary>
    Region = 2,
}
