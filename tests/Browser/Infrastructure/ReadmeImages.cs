using System.Text.RegularExpressions;

namespace AfterSales.Tests.Browser.Infrastructure;

/// <summary>The screenshots README.md shows: <c>docs/images/{name}.png</c>, written by the browser tests.</summary>
internal static partial class ReadmeImages
{
    public static string Readme => Path.Combine(ConsoleProcess.RepositoryRoot(), "README.md");

    public static string Directory => Path.Combine(ConsoleProcess.RepositoryRoot(), "docs", "images");

    /// <summary>The names (no extension) of the images the README references.</summary>
    public static IReadOnlySet<string> Names() =>
        ImageReference().Matches(File.ReadAllText(Readme)).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"docs/images/(?<name>[A-Za-z0-9-]+)\.png")]
    private static partial Regex ImageReference();
}
