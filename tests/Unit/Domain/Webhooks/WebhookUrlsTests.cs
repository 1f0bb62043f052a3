using AfterSales.Domain.Webhooks;

namespace AfterSales.Tests.Unit.Domain.Webhooks;

public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("https://receiver.example.com/hooks?token=abc")]
    [InlineData("https://10.0.0.7:8443/")]
    public void AcceptsAbsoluteHttpsUrls(string url) => Assert.Null(WebhookUrls.Problem(url, allowHttp: false));

    [Theory]
    [InlineData("http://receiver.example.com/hooks")]
    [InlineData("/hooks")]
    [InlineData("ftp://receiver.example.com/")]
    [InlineData("https://user:pw@receiver.example.com/")]
    [InlineData("https://receiver.example.com/#part")]
    [InlineData("not a url")]
    public void RefusesAnythingElse(string url) => Assert.NotNull(WebhookUrls.Problem(url, allowHttp: false));

    [Fact]
    public void AcceptsHttpOnlyWhenAllowed()
    {
        Assert.Null(WebhookUrls.Problem("http://127.0.0.1:5001/hooks", allowHttp: true));
        Assert.Equal("The URL must use https.", WebhookUrls.Problem("http://127.0.0.1:5001/hooks", allowHttp: false));
    }
}
