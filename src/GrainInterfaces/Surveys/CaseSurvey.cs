namespace AfterSales.Surveys;

/// <summary>A survey as its case keeps and shows it, so an agent can send the link.</summary>
/// <param name="Token">The survey's single-use token: the link is <c>/api/surveys/{token}</c>.</param>
/// <param name="Issue">What was issued.</param>
/// <param name="Order">1, 2, 3… in the order the case issued its surveys.</param>
/// <param name="Response">The response, once the survey told the case.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.CaseSurvey")]
public sealed record CaseSurvey(
    [property: Id(0)] string Token,
    [property: Id(1)] SurveyIssue Issue,
    [property: Id(3)] int Order,
    [property: Id(2)] SurveyResponse? Response = null);

/// <summary>Where a case's survey stands.</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.CaseSurveyState")]
public enum CaseSurveyState
{
    /// <summary>Waiting for the customer's response.</summary>
    Open = 0,
    /// <summary>The customer answered it.</summary>
    Answered = 1,
    /// <summary>It expired unanswered.</summary>
    Expired = 2,
}

/// <summary>A case's survey as the case shows it, with where it stands now.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.CaseSurveyView")]
public sealed record CaseSurveyView(
    [property: Id(0)] string Token,
    [property: Id(1)] SurveyIssue Issue,
    [property: Id(2)] SurveyResponse? Response,
    [property: Id(3)] CaseSurveyState State);
