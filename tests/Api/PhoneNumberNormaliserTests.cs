using AfterSales.Api.Validation;

namespace AfterSales.Tests.Api;

public sealed class PhoneNumberNormaliserTests
{
    private readonly PhoneNumberNormaliser china = new("CN");

    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("138 0013 8000", "+8613800138000")]
    [InlineData("+86 138-0013-8000", "+8613800138000")]
    [InlineData("021 6288 8888", "+862162888888")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void NumbersAreWrittenInE164(string input, string expected)
    {
        Assert.Equal(expected, china.Normalise(input, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void NumbersWithoutACountryCodeAreReadInTheDefaultRegion()
    {
        var us = new PhoneNumberNormaliser("US");

        Assert.Equal("+14155552671", us.Normalise("(415) 555-2671", out _));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("+999 1234 5678")]
    [InlineData("")]
    [InlineData("138\u00000138000")]
    [InlineData("+86 138 0013 8000 0000 0000 0000 0000")]
    public void InvalidNumbersAreRefusedWithAReason(string input)
    {
        Assert.Null(china.Normalise(input, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
