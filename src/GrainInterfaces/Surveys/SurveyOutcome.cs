namespace AfterSales.Surveys;

/// <summary>How a survey took a response.</summary>
[GenerateSerializer, Alias("AfterSales.Surveys.SurveyOutcome")]
public enum SurveyOutcome
{
    /// <summary>Stored: the survey's one response.</summary>
    Accepted = 0,
    /// <summary>The same answer as the stored response: a retry, answered as the first time.</summary>
    Replayed = 1,
    /// <summary>No survey has this token.</summary>
    NotFound = 2,
    /// <summary>A different response is already stored.</summary>
    AlreadyAnswered = 3,
    /// <summary>The survey expired before it was answered.</summary>
    Expired = 4,
    /// <summary>The answer breaks a rule (<see cref="SurveyResult.Field"/> says which).</summary>
    Invalid = 5,
}

/// <summary>The outcome of a response, with the survey as it stands.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyResult")]
public sealed record SurveyResult(
    [property: Id(0)] SurveyOutcome Outcome,
    [property: Id(1)] SurveyView? Survey,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Message = null);
