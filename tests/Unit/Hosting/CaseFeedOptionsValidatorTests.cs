using AfterSales.Hosting;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class CaseFeedOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.True(new CaseFeedOptionsValidator().Validate(null, new CaseFeedOptions()).Succeeded);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1000, true)]
    [InlineData(-1, false)]
    [InlineData(1001, false)]
    public void ALiveBatchDelayFromZeroToOneSecondIsAccepted(int milliseconds, bool valid)
    {
        var result = new CaseFeedOptionsValidator().Validate(null, new CaseFeedOptions { LiveBatchDelay = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("AfterSales:CaseFeed:LiveBatchDelay", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
