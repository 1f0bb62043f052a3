using System.Xml.Linq;
using AfterSales.Tests.Browser.Infrastructure;

namespace AfterSales.Tests.Browser;

/// <summary>Every label of the console is in both languages: the English and Chinese resources hold the same names, none
/// empty, with the same format placeholders.</summary>
public sealed class ConsoleStringsTests
{
    [Fact]
    public void EnglishAndChineseHoldTheSameLabels()
    {
        var english = Read("Strings.resx");
        var chinese = Read("Strings.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(english.Concat(chinese), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{entry.Key} is empty"));
        Assert.All(english.Keys, key => Assert.Equal(Placeholders(english[key]), Placeholders(chinese[key])));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ConsoleProcess.RepositoryRoot(), "src", "Console", "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The {n} placeholders a label formats, in order of their numbers.</summary>
    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
