using AfterSales.Surveys;

namespace AfterSales.Api.Surveys;

/// <summary>What the holder of a survey link sees: the case, the technician's display name, the questions in the
/// customer's language, the expiry and whether it was answered. Nothing else about the customer or the technician.</summary>
/// <param name="CaseNumber">The case asked about.</param>
/// <param name="Subject">The case's subject.</param>
/// <param name="Technician">The technician's display name, or null when the case had none.</param>
/// <param name="Language">The questions' language: zh-CN or en (the customer's).</param>
/// <param name="About">resolution (the case was resolved) or visit (a field visit).</param>
/// <param name="Questions">score (1–5), nps (0–10) and comment (optional), in that order.</param>
/// <param name="IssuedAt">When the survey was issued.</param>
/// <param name="ExpiresAt">From this instant on the survey takes no response (410).</param>
/// <param name="Expired">True once expiresAt has passed.</param>
/// <param name="Answered">True once the survey took its response.</param>
/// <param name="AnsweredAt">When it was answered, or null.</param>
/// <param name="Response">The response given, or null.</param>
public sealed record SurveyPageResponse(
    string CaseNumber,
    string Subject,
    string? Technician,
    string Language,
    SurveyTrigger About,
    IReadOnlyList<SurveyQuestionResponse> Questions,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool Expired,
    bool Answered,
    DateTimeOffset? AnsweredAt,
    SurveyAnswerResponse? Response)
{
    internal static SurveyPageResponse From(SurveyView v) => new(
        v.CaseNumber, v.Subject, v.TechnicianName, v.Language, v.Trigger, [.. v.Questions.Select(SurveyQuestionResponse.From)],
        v.IssuedAt, v.ExpiresAt, v.Expired, v.Response is not null, v.Response?.AnsweredAt,
        v.Response is { } r ? new SurveyAnswerResponse(r.Answer.Score, r.Answer.Nps, r.Answer.Comment) : null);
}

/// <summary>One question.</summary>
/// <param name="Id">The member of the answer it is: score, nps or comment.</param>
/// <param name="Text">The question in the survey's language.</param>
/// <param name="Min">The lowest answer of a scale; null for text.</param>
/// <param name="Max">The highest answer of a scale, or the most characters of text.</param>
/// <param name="MinLabel">What the lowest answer means; null for text.</param>
/// <param name="MaxLabel">What the highest answer means; null for text.</param>
/// <param name="Required">True when a response must answer it.</param>
public sealed record SurveyQuestionResponse(string Id, string Text, int? Min, int Max, string? MinLabel, string? MaxLabel, bool Required)
{
    internal static SurveyQuestionResponse From(SurveyQuestion q) => new(q.Id, q.Text, q.Min, q.Max, q.MinLabel, q.MaxLabel, q.Required);
}

/// <summary>A response as given.</summary>
/// <param name="Score">CSAT, 1–5.</param>
/// <param name="Nps">Likelihood to recommend, 0–10.</param>
/// <param name="Comment">The comment, or null.</param>
public sealed record SurveyAnswerResponse(int Score, int Nps, string? Comment);

/// <summary>A survey of a case, for the agent who sends the link.</summary>
/// <param name="Token">The single-use token.</param>
/// <param name="Link">The survey's path: GET shows it, POST answers it.</param>
/// <param name="About">resolution or visit.</param>
/// <param name="Source">What it asks about within the case: resolution-1 (the first resolution), visit-3 (visit 3).</param>
/// <param name="TechnicianId">The technician it rates, or null.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it stops taking a response.</param>
/// <param name="State">open, answered or expired.</param>
/// <param name="AnsweredAt">When it was answered, or null.</param>
/// <param name="Score">The CSAT score given, or null.</param>
/// <param name="Nps">The NPS answer given, or null.</param>
public sealed record CaseSurveyResponse(
    string Token,
    string Link,
    SurveyTrigger About,
    string Source,
    string? TechnicianId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    CaseSurveyState State,
    DateTimeOffset? AnsweredAt,
    int? Score,
    int? Nps)
{
    internal static CaseSurveyResponse From(CaseSurveyView s) => new(
        s.Token, $"/api/surveys/{s.Token}", s.Issue.Trigger, s.Issue.Source, s.Issue.TechnicianId, s.Issue.IssuedAt, s.Issue.ExpiresAt,
        s.State, s.Response?.AnsweredAt, s.Response?.Answer.Score, s.Response?.Answer.Nps);
}
