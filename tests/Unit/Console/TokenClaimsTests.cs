using System.Text;
using AfterSales.Console.Session;

namespace AfterSales.Tests.Unit.Console;

public sealed class TokenClaimsTests
{
    [Fact]
    public void TheLocaleComesFromTheTokensPayload()
    {
        Assert.Equal("zh-CN", TokenClaims.Locale(Token("""{"sub":"a-1","locale":"zh-CN"}""")));
        Assert.Null(TokenClaims.Locale(Token("""{"sub":"a-1"}""")));
        Assert.Null(TokenClaims.Locale(Token("""{"sub":"a-1","locale":7}""")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.%%%.c")]
    [InlineData("a.bm90IGpzb24.c")]
    public void WhatIsNotAJwtWithALocaleHasNone(string? token) => Assert.Null(TokenClaims.Locale(token));

    private static string Token(string payload) =>
        "eyJhbGciOiJIUzI1NiJ9." + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".sig";
}
