using AfterSales.Installation;

namespace AfterSales.Tests.Unit.Domain.Installation;

public sealed class PhotoUrlsTests
{
    [Theory]
    [InlineData("https://photos.example.com/wo/AS-2026-000001/1.jpg")]
    [InlineData("http://10.0.0.5:8080/p?id=7&size=large")]
    public void AbsoluteHttpAndHttpsUrlsAreAccepted(string url)
    {
        Assert.Null(PhotoUrls.Problem(url));
    }

    [Theory]
    [InlineData("")]
    [InlineData("photos/1.jpg")]
    [InlineData("ftp://example.com/1.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("https://example.com/a b.jpg")]
    [InlineData("https://user:secret@example.com/1.jpg")]
    [InlineData("file:///etc/passwd")]
    public void RelativeOtherSchemeSpacedAndCredentialUrlsAreRefused(string url)
    {
        Assert.NotNull(PhotoUrls.Problem(url));
    }

    [Fact]
    public void AUrlLongerThanTheLimitIsRefused()
    {
        var url = "https://example.com/" + new string('a', InstallationLimits.PhotoUrl);

        Assert.Contains(InstallationLimits.PhotoUrl.ToString(System.Globalization.CultureInfo.InvariantCulture), PhotoUrls.Problem(url), StringComparison.Ordinal);
    }
}
