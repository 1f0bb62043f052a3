namespace AfterSales.Surveys;

/// <summary>A survey as its case keeps and shows it, so an agent can send the link.</summary>
/// <param name="Token">The survey's single-use token: the link is <c>/api/surveys/{token}</c>.</param>
/// <param name="Issue">What was issued.</param>
/// <param name="Response">The response, once the survey told the case.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.CaseSurvey")]
public sealed record CaseSurvey(
    [property: Id(0)] string Token,
    [property: Id(1)] SurveyIssue Issue,
    [property: Id(2)] SurveyResponse? Response = null);
