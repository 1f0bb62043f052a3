namespace AfterSales.Surveys;

/// <summary>A customer's answer to a survey.</summary>
/// <param name="Score">Satisfaction (CSAT), 1 to 5.</param>
/// <param name="Nps">Likelihood to recommend, 0 to 10.</param>
/// <param name="Comment">Free text, at most <see cref="SurveyLimits.Comment"/> characters, or null.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyAnswer")]
public sealed record SurveyAnswer(
    [property: Id(0)] int Score,
    [property: Id(1)] int Nps,
    [property: Id(2)] string? Comment);

/// <summary>A stored response: the answer and when it came.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyResponse")]
public sealed record SurveyResponse(
    [property: Id(0)] SurveyAnswer Answer,
    [property: Id(1)] DateTimeOffset AnsweredAt);

/// <summary>What a survey tells its case when the customer answered it (one-way).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyAnswered")]
public sealed record SurveyAnswered(
    [property: Id(0)] Guid SurveyId,
    [property: Id(1)] string Source,
    [property: Id(2)] int Score,
    [property: Id(3)] int Nps,
    [property: Id(4)] DateTimeOffset AnsweredAt);

/// <summary>The limits of a survey's answer.</summary>
public static class SurveyLimits
{
    public const int ScoreMin = 1;
    public const int ScoreMax = 5;
    public const int NpsMin = 0;
    public const int NpsMax = 10;
    public const int Comment = 1000;
}
