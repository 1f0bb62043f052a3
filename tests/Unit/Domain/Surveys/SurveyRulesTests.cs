using AfterSales.Domain.Surveys;
using AfterSales.Surveys;

namespace AfterSales.Tests.Unit.Domain.Surveys;

public sealed class SurveyRulesTests
{
    [Theory]
    [InlineData(0, 5, "score")]
    [InlineData(6, 5, "score")]
    [InlineData(3, -1, "nps")]
    [InlineData(3, 11, "nps")]
    public void ScoresOutsideTheirScalesAreRefusedNamingTheField(int score, int nps, string field)
    {
        Assert.Equal(field, SurveyRules.Validate(new SurveyAnswer(score, nps, null))?.Field);
    }

    [Fact]
    public void TheScalesEndsAreAccepted()
    {
        Assert.Null(SurveyRules.Validate(new SurveyAnswer(1, 0, null)));
        Assert.Null(SurveyRules.Validate(new SurveyAnswer(5, 10, new string('x', SurveyLimits.Comment))));
    }

    [Fact]
    public void ACommentOverTheLimitIsRefused()
    {
        Assert.Equal("comment", SurveyRules.Validate(new SurveyAnswer(3, 5, new string('x', SurveyLimits.Comment + 1)))?.Field);
    }

    [Fact]
    public void ABlankCommentIsNoCommentAndOthersAreTrimmed()
    {
        Assert.Null(SurveyRules.Normalise(new SurveyAnswer(3, 5, "  \n ")).Comment);
        Assert.Equal("Good", SurveyRules.Normalise(new SurveyAnswer(3, 5, " Good\n")).Comment);
    }

    [Fact]
    public void ASurveyExpiresAtItsExpiryInstant()
    {
        var expiresAt = new DateTimeOffset(2026, 12, 14, 8, 0, 0, TimeSpan.Zero);

        Assert.False(SurveyRules.IsExpired(expiresAt, expiresAt.AddTicks(-1)));
        Assert.True(SurveyRules.IsExpired(expiresAt, expiresAt));
    }

    [Fact]
    public void SourcesNameTheResolutionOrVisit()
    {
        Assert.Equal(("resolution-2", "visit-13"), (SurveyRules.Source(SurveyTrigger.Resolution, 2), SurveyRules.Source(SurveyTrigger.Visit, 13)));
    }

    [Fact]
    public void QuestionsAreAskedInChineseForZhCnAndInEnglishOtherwise()
    {
        Assert.Equal("您对本次服务的满意程度如何？", SurveyQuestions.For("zh-CN")[0].Text);
        Assert.Equal("How satisfied are you with the service you received?", SurveyQuestions.For("en")[0].Text);
        Assert.Equal("en", SurveyQuestions.LanguageFor("fr"));
        Assert.Equal(["score", "nps", "comment"], SurveyQuestions.For("zh-CN").Select(q => q.Id));
    }
}
