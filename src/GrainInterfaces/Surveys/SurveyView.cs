using System.Collections.Immutable;

namespace AfterSales.Surveys;

/// <summary>What the customer holding a survey's link sees: no personal data beyond the technician's display name.</summary>
/// <param name="CaseNumber">The case asked about.</param>
/// <param name="Subject">The case's subject.</param>
/// <param name="TechnicianName">The technician's display name, or null.</param>
/// <param name="Language">The questions' language: <c>zh-CN</c> or <c>en</c> (the customer's).</param>
/// <param name="Trigger">Resolution or visit.</param>
/// <param name="Questions">The questions in <paramref name="Language"/>.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ExpiresAt">From this instant on it takes no response.</param>
/// <param name="Expired">True once <paramref name="ExpiresAt"/> has passed.</param>
/// <param name="Response">The response, once answered.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyView")]
public sealed record SurveyView(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? TechnicianName,
    [property: Id(3)] string Language,
    [property: Id(4)] SurveyTrigger Trigger,
    [property: Id(5)] ImmutableArray<SurveyQuestion> Questions,
    [property: Id(6)] DateTimeOffset IssuedAt,
    [property: Id(7)] DateTimeOffset ExpiresAt,
    [property: Id(8)] bool Expired,
    [property: Id(9)] SurveyResponse? Response);

/// <summary>One question of a survey.</summary>
/// <param name="Id">The answer's member: <c>score</c>, <c>nps</c> or <c>comment</c>.</param>
/// <param name="Text">The question in the survey's language.</param>
/// <param name="Min">The lowest answer (scales), or null for text.</param>
/// <param name="Max">The highest answer (scales), or the most characters (text).</param>
/// <param name="MinLabel">What the lowest answer means, or null.</param>
/// <param name="MaxLabel">What the highest answer means, or null.</param>
/// <param name="Required">True when an answer must give it.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Surveys.SurveyQuestion")]
public sealed record SurveyQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] int? Min,
    [property: Id(3)] int Max,
    [property: Id(4)] string? MinLabel,
    [property: Id(5)] string? MaxLabel,
    [property: Id(6)] bool Required);
