using System.Security.Cryptography;
using System.Text;
using AfterSales.Domain.Webhooks;

namespace AfterSales.Tests.Unit.Domain.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-3f9c1a7e52b84d0e9a61";
    private const string Body = "{\"id\":\"0190f0c8-0000-7000-8000-000000000001\",\"type\":\"opened\"}";

    [Fact]
    public void SignsTheTimestampAFullStopAndTheBodyWithHmacSha256InLowercaseHex()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1767225600." + Body)));

        Assert.Equal("v1=" + expected, WebhookSignature.Sign(Secret, 1767225600, Body));
        Assert.Equal("1767225600." + Body, WebhookSignature.SignedPayload(1767225600, Body));
    }

    [Fact]
    public void MatchesAKnownVector()
    {
        // Computed independently: printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac 'secret-secret-16'
        Assert.Equal("v1=1e90ede544640b565decc9712e3b08cbaee207bc3a885da19d18e2f314d94e17", WebhookSignature.Sign("secret-secret-16", 1700000000, "{}"));
    }

    [Fact]
    public void VerifiesItsOwnSignatureAndRefusesAnyChange()
    {
        var header = WebhookSignature.Sign(Secret, 1767225600, Body);

        Assert.True(WebhookSignature.Verify(Secret, 1767225600, Body, header));
        Assert.False(WebhookSignature.Verify(Secret, 1767225601, Body, header));
        Assert.False(WebhookSignature.Verify(Secret, 1767225600, Body + " ", header));
        Assert.False(WebhookSignature.Verify(Secret + "x", 1767225600, Body, header));
        Assert.False(WebhookSignature.Verify(Secret, 1767225600, Body, null));
    }

    [Fact]
    public void AcceptsAnyOfSeveralCommaSeparatedSignatures()
    {
        var header = "v1=00ff, " + WebhookSignature.Sign(Secret, 1767225600, Body);

        Assert.True(WebhookSignature.Verify(Secret, 1767225600, Body, header));
    }
}
