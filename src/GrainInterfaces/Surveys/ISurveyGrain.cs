namespace AfterSales.Surveys;

/// <summary>One satisfaction survey (key: its token, 32 URL-safe characters from a CSPRNG). Issued by its case; read and
/// answered by whoever holds the token, without an account.</summary>
[Alias("AfterSales.Surveys.ISurveyGrain")]
public interface ISurveyGrain : IGrainWithStringKey
{
    /// <summary>Stores the survey (idempotent: the same issue again stores nothing and reports its facts again, which
    /// the aggregates take once) and answers whether it was answered.</summary>
    [Alias("Issue")]
    Task<SurveyResponse?> IssueAsync(SurveyIssue issue);

    /// <summary>Takes the survey back (its case's write failed): nothing stays stored or counted.</summary>
    [Alias("Withdraw")]
    Task WithdrawAsync(Guid surveyId);

    /// <summary>The survey as the customer sees it, or null when no survey has this token.</summary>
    [Alias("Get"), ReadOnly]
    Task<SurveyView?> GetAsync();

    /// <summary>Takes the one response (see <see cref="SurveyOutcome"/>).</summary>
    [Alias("Respond")]
    Task<SurveyResult> RespondAsync(SurveyAnswer answer);

    /// <summary>The GDPR erase of the survey's customer: the free-text comment and the case subject the survey shows
    /// become "[erased]"; scores, times and ids stay. True when a comment was erased.</summary>
    [Alias("ErasePersonalData")]
    Task<bool> ErasePersonalDataAsync();
}
