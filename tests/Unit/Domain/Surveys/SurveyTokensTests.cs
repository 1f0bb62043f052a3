using System.Buffers.Text;
using System.Text.RegularExpressions;
using AfterSales.Domain.Surveys;

namespace AfterSales.Tests.Unit.Domain.Surveys;

public sealed class SurveyTokensTests
{
    [Fact]
    public void ATokenIs32UrlSafeCharactersCarrying192RandomBits()
    {
        var token = SurveyTokens.New();

        Assert.Matches(new Regex(SurveyTokens.Pattern), token);
        Assert.Equal(24, Base64Url.DecodeFromChars(token).Length);
        Assert.True(SurveyTokens.IsWellFormed(token));
    }

    [Fact]
    public void TenThousandTokensAreAllDifferent()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => SurveyTokens.New()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, tokens.Count);
    }

    [Fact]
    public void TokensDrawEveryCharacterOfTheAlphabet()
    {
        var seen = Enumerable.Range(0, 2_000).SelectMany(_ => SurveyTokens.New()).ToHashSet();

        Assert.Equal(64, seen.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    public void AnythingButThirtyTwoBase64UrlCharactersIsNoToken(string? candidate)
    {
        Assert.False(SurveyTokens.IsWellFormed(candidate));
    }

    [Fact]
    public void DashesAndUnderscoresAreTokenCharacters()
    {
        Assert.True(SurveyTokens.IsWellFormed("abcdefghijklmnopqrstuvwxyz-_0189"));
    }
}
