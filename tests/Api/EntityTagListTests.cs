using System.Text.RegularExpressions;
using AfterSales.Api.Http;

namespace AfterSales.Tests.Api;

/// <summary>The entity-tag list reader, and the pattern the OpenAPI document publishes for it, agree on every value.</summary>
public sealed class EntityTagListTests
{
    public static TheoryData<string> Values =>
    [
        "*", " * ", "\"3\"", "W/\"3\"", "\"\"", "\"stale-etag\"", "\"a\", W/\"b\"", "\"a\",,\"b\",", " , \"a\" ,", "\"é\"",
        "", " ", "3", "abc", "\"3", "3\"", "\"3\" \"4\"", "*, \"3\"", "w/\"3\"", "W/3", "\"a\"b", "\"a\"\"b\"", "\"a b\"", ",", "**",
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void ThePublishedPatternAcceptsExactlyWhatTheReaderAccepts(string value)
    {
        // .NET reads the ECMA-262 pattern the same way for these constructs; \z pins the end as JSON Schema's $ does.
        var pattern = new Regex(EntityTagList.Pattern.Replace("$", @"\z", StringComparison.Ordinal), RegexOptions.ECMAScript);

        Assert.Equal(EntityTagList.Parse(value) is not null, pattern.IsMatch(value));
    }

    [Fact]
    public void StrongAndWeakComparisonFollowRfc9110()
    {
        var list = EntityTagList.Parse("W/\"7\", \"8\", \"007\"")!;

        Assert.False(list.StronglyMatches(7));
        Assert.True(list.WeaklyMatches(7));
        Assert.True(list.StronglyMatches(8));
        Assert.False(list.WeaklyMatches(9));
        Assert.True(EntityTagList.Parse("*")!.StronglyMatches(9));
    }
}
