namespace AfterSales.Console.Api;

/// <summary>What a survey link shows (<c>GET /api/surveys/{token}</c>): the questions come in the customer's language.</summary>
internal sealed record SurveyPage(string CaseNumber, string Subject, string? Technician, string Language, string About,
    IReadOnlyList<SurveyQuestion> Questions, DateTimeOffset ExpiresAt, bool Expired, bool Answered);

internal sealed record SurveyQuestion(string Id, string Text, int? Min, int Max, string? MinLabel, string? MaxLabel, bool Required);

/// <summary>A survey of a case as the case page lists it, with the link the agent sends.</summary>
internal sealed record CaseSurvey(string Token, string About, string Source, string State, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    int? Score, int? Nps);
