using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Surveys;

namespace AfterSales.Api.Surveys;

/// <summary>A customer's one response to a survey.</summary>
/// <param name="Score">How satisfied with the service (CSAT): 1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="Nps">How likely to recommend us: 0 (not at all) to 10 (extremely).</param>
/// <param name="Comment">Anything else, up to 1000 characters (line breaks allowed); blank is no comment.</param>
public sealed record SurveyAnswerRequest(
    [property: Required, Range(SurveyLimits.ScoreMin, SurveyLimits.ScoreMax), Example("4")] int? Score,
    [property: Required, Range(SurveyLimits.NpsMin, SurveyLimits.NpsMax), Example("9")] int? Nps,
    [property: StringLength(SurveyLimits.Comment), Example("\"The technician explained everything.\"")] string? Comment = null)
{
    internal SurveyAnswer? Validate(ValidationErrors errors)
    {
        var score = errors.RequiredInRange("score", Score, SurveyLimits.ScoreMin, SurveyLimits.ScoreMax);
        var nps = errors.RequiredInRange("nps", Nps, SurveyLimits.NpsMin, SurveyLimits.NpsMax);
        var comment = errors.OptionalText("comment", Comment, SurveyLimits.Comment, multiline: true);
        return errors.HasErrors ? null : new SurveyAnswer(score!.Value, nps!.Value, comment);
    }
}
