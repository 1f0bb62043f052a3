using AfterSales.Domain.Maintenance;

namespace AfterSales.Tests.Unit.Domain.Maintenance;

public sealed class RecurrenceRulesTests
{
    [Theory]
    [InlineData("FREQ=MONTHLY;INTERVAL=6")]
    [InlineData("FREQ=YEARLY;BYMONTH=3;BYDAY=1MO")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("FREQ=DAILY;COUNT=3")]
    public void ValidRulesThatRecurAtMostDailyAreAccepted(string rule) => Assert.Null(RecurrenceRules.Error(rule));

    [Theory]
    [InlineData("FREQ=HOURLY;INTERVAL=4", "at most daily")]
    [InlineData("FREQ=MINUTELY", "at most daily")]
    [InlineData("EVERY=TUESDAY", "not a valid RFC 5545 rule")]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "no occurrence")]
    public void RulesThatAreInvalidTooFrequentOrNeverOccurAreRefused(string rule, string message) =>
        Assert.Contains(message, RecurrenceRules.Error(rule), StringComparison.Ordinal);

    [Fact]
    public void TheNextOccurrenceIsOnOrAfterTheGivenDay()
    {
        var start = new DateOnly(2026, 1, 5);

        Assert.Equal(new DateOnly(2026, 1, 8), RecurrenceRules.Next("FREQ=WEEKLY;BYDAY=MO,TH", start, new DateOnly(2026, 1, 6)));
        Assert.Equal(new DateOnly(2026, 1, 12), RecurrenceRules.Next("FREQ=WEEKLY;BYDAY=MO,TH", start, new DateOnly(2026, 1, 9)));
    }

    [Fact]
    public void ARuleThatHasEndedHasNoNextOccurrence()
    {
        var start = new DateOnly(2026, 1, 1);

        Assert.Equal(new DateOnly(2026, 1, 3), RecurrenceRules.Next("FREQ=DAILY;COUNT=3", start, new DateOnly(2026, 1, 3)));
        Assert.Null(RecurrenceRules.Next("FREQ=DAILY;COUNT=3", start, new DateOnly(2026, 1, 4)));
        Assert.Null(RecurrenceRules.Next("FREQ=MONTHLY;UNTIL=20260301T000000Z", start, new DateOnly(2026, 3, 2)));
    }
}
