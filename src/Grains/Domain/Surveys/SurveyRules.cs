using AfterSales.Surveys;

namespace AfterSales.Domain.Surveys;

/// <summary>The rules of a survey's one response.</summary>
public static class SurveyRules
{
    /// <summary>The first rule <paramref name="answer"/> breaks, as (field, message), or null.</summary>
    public static (string Field, string Message)? Validate(SurveyAnswer answer)
    {
        if (answer.Score is < SurveyLimits.ScoreMin or > SurveyLimits.ScoreMax)
        {
            return ("score", $"score is a whole number from {SurveyLimits.ScoreMin} to {SurveyLimits.ScoreMax}.");
        }
        if (answer.Nps is < SurveyLimits.NpsMin or > SurveyLimits.NpsMax)
        {
            return ("nps", $"nps is a whole number from {SurveyLimits.NpsMin} to {SurveyLimits.NpsMax}.");
        }
        if (answer.Comment is { Length: > SurveyLimits.Comment })
        {
            return ("comment", $"A comment has at most {SurveyLimits.Comment} characters.");
        }
        return null;
    }

    /// <summary>A blank comment is no comment; otherwise it is kept trimmed.</summary>
    public static SurveyAnswer Normalise(SurveyAnswer answer) =>
        answer with { Comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim() };

    /// <summary>True from <paramref name="expiresAt"/> on.</summary>
    public static bool IsExpired(DateTimeOffset expiresAt, DateTimeOffset now) => now >= expiresAt;

    /// <summary>What a case's survey is about, unique within the case: <c>resolution-2</c>, <c>visit-3</c>.</summary>
    public static string Source(SurveyTrigger trigger, int ordinal) =>
        FormattableString.Invariant($"{(trigger == SurveyTrigger.Resolution ? "resolution" : "visit")}-{ordinal}");
}
