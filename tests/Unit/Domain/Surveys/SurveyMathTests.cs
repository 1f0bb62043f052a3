using AfterSales.Domain.Surveys;
using AfterSales.Surveys;

namespace AfterSales.Tests.Unit.Domain.Surveys;

public sealed class SurveyMathTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    private static SurveyTotals With(params (int Score, int Nps)[] responses)
    {
        var totals = SurveyMath.Empty(Day);
        foreach (var (score, nps) in responses)
        {
            totals = SurveyMath.Apply(totals, new SurveyFact(Guid.NewGuid(), SurveyFactKind.Responded, Day, score, nps), 1);
        }
        return totals;
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(6, -1)]
    [InlineData(7, 0)]
    [InlineData(8, 0)]
    [InlineData(9, 1)]
    [InlineData(10, 1)]
    public void NpsAnswersAreDetractorsUpToSixPassivesSevenAndEightPromotersNineAndTen(int nps, int expected)
    {
        Assert.Equal(expected, SurveyMath.NpsClass(nps));
    }

    [Fact]
    public void NpsIsThePercentOfPromotersMinusThePercentOfDetractors()
    {
        // 3 promoters, 1 passive, 2 detractors out of 6: 50 % − 33.33 % = 16.67.
        var totals = With((5, 10), (5, 9), (4, 9), (4, 8), (2, 6), (1, 0));

        Assert.Equal((3L, 1L, 2L), (totals.Promoters, totals.Passives, totals.Detractors));
        Assert.Equal(16.67, SurveyMath.Nps(totals));
    }

    [Fact]
    public void NpsRunsFromMinusHundredToHundred()
    {
        Assert.Equal(-100.0, SurveyMath.Nps(With((1, 0), (3, 6))));
        Assert.Equal(100.0, SurveyMath.Nps(With((5, 9), (5, 10))));
        Assert.Equal(0.0, SurveyMath.Nps(With((3, 7), (3, 8))));
    }

    [Fact]
    public void CsatIsTheMeanScoreWithItsDistributionAndTheShareScoringFourOrFive()
    {
        var totals = With((5, 10), (4, 9), (4, 8), (2, 6), (1, 0), (5, 9), (3, 7));

        Assert.Equal(new long[] { 1, 1, 1, 2, 2 }, totals.ScoreCounts.ToArray());
        Assert.Equal(3.43, SurveyMath.CsatAverage(totals)); // 24 / 7 = 3.428…
        Assert.Equal(57.14, SurveyMath.CsatSatisfiedPercent(totals)); // 4 / 7
    }

    [Fact]
    public void TheResponseRateIsResponsesOverSurveysIssued()
    {
        var totals = With((5, 10), (4, 9)) with { Issued = 3 };

        Assert.Equal(0.6667, SurveyMath.ResponseRate(totals));
    }

    [Fact]
    public void WithoutResponsesOrIssuesTheFiguresAreNullNotZero()
    {
        var none = SurveyMath.Empty(Day);

        Assert.Equal((null, null, null, null), (SurveyMath.CsatAverage(none), SurveyMath.CsatSatisfiedPercent(none), SurveyMath.Nps(none),
            SurveyMath.ResponseRate(none)));
    }

    [Fact]
    public void UncountingAFactRestoresTheTotalsExactly()
    {
        var before = With((5, 10), (2, 6));
        var fact = new SurveyFact(Guid.NewGuid(), SurveyFactKind.Responded, Day, 4, 8);

        var after = SurveyMath.Apply(SurveyMath.Apply(before, fact, 1), fact, -1);

        Assert.Equal(before.ScoreCounts.ToArray(), after.ScoreCounts.ToArray());
        Assert.Equal((before.Responses, before.Promoters, before.Passives, before.Detractors),
            (after.Responses, after.Promoters, after.Passives, after.Detractors));
    }

    [Fact]
    public void AnIssueCountsAsIssuedOnly()
    {
        var totals = SurveyMath.Apply(SurveyMath.Empty(Day), new SurveyFact(Guid.NewGuid(), SurveyFactKind.Issued, Day), 1);

        Assert.Equal((1L, 0L), (totals.Issued, totals.Responses));
    }

    [Fact]
    public void APeriodSumsItsDays()
    {
        var first = With((5, 10)) with { Issued = 2 };
        var second = With((1, 0), (3, 7)) with { Day = Day.AddDays(1), Issued = 1 };

        var sum = SurveyMath.Sum(Day, [first, second]);

        Assert.Equal((3L, 3L, 1L, 1L, 1L), (sum.Issued, sum.Responses, sum.Promoters, sum.Passives, sum.Detractors));
        Assert.Equal(new long[] { 1, 0, 1, 0, 1 }, sum.ScoreCounts.ToArray());
        Assert.Equal(3.0, SurveyMath.CsatAverage(sum));
    }
}
