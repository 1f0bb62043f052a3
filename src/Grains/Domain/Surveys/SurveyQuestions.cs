using System.Collections.Immutable;
using AfterSales.Surveys;

namespace AfterSales.Domain.Surveys;

/// <summary>The survey's three questions in each customer language (<c>zh-CN</c>, <c>en</c>; English for any other).</summary>
public static class SurveyQuestions
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    private static readonly ImmutableArray<SurveyQuestion> InEnglish =
    [
        new("score", "How satisfied are you with the service you received?", SurveyLimits.ScoreMin, SurveyLimits.ScoreMax,
            "Very dissatisfied", "Very satisfied", true),
        new("nps", "How likely are you to recommend us to a friend or colleague?", SurveyLimits.NpsMin, SurveyLimits.NpsMax,
            "Not at all likely", "Extremely likely", true),
        new("comment", "Is there anything you would like to tell us?", null, SurveyLimits.Comment, null, null, false),
    ];

    private static readonly ImmutableArray<SurveyQuestion> InChinese =
    [
        new("score", "您对本次服务的满意程度如何？", SurveyLimits.ScoreMin, SurveyLimits.ScoreMax, "非常不满意", "非常满意", true),
        new("nps", "您有多大可能向朋友或同事推荐我们？", SurveyLimits.NpsMin, SurveyLimits.NpsMax, "完全不可能", "极有可能", true),
        new("comment", "您还有什么想告诉我们的吗？", null, SurveyLimits.Comment, null, null, false),
    ];

    /// <summary>The language the questions are asked in for a customer who prefers <paramref name="language"/>.</summary>
    public static string LanguageFor(string? language) => language == Chinese ? Chinese : English;

    public static ImmutableArray<SurveyQuestion> For(string language) => LanguageFor(language) == Chinese ? InChinese : InEnglish;
}
