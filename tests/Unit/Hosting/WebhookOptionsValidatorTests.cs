using AfterSales.Hosting;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class WebhookOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.True(new WebhookOptionsValidator().Validate(null, new WebhookOptions()).Succeeded);

    [Theory]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(0, false)]
    [InlineData(51, false)]
    public void MaxAttemptsFromOneToFiftyIsAccepted(int attempts, bool valid)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { MaxAttempts = attempts });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("AfterSales:Webhooks:MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLongestWaitMayNotBeShorterThanTheFirst()
    {
        var result = new WebhookOptionsValidator().Validate(null,
            new WebhookOptions { RetryBaseDelay = TimeSpan.FromMinutes(10), RetryMaxDelay = TimeSpan.FromMinutes(5) });

        Assert.False(result.Succeeded);
        Assert.Contains("AfterSales:Webhooks:RetryMaxDelay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeliveryTimeoutBeyondAMinuteIsRefused()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { DeliveryTimeout = TimeSpan.FromSeconds(61) });

        Assert.False(result.Succeeded);
        Assert.Contains("AfterSales:Webhooks:DeliveryTimeout", result.FailureMessage, StringComparison.Ordinal);
    }
}
