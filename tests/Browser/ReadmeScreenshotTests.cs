using AfterSales.Tests.Browser.Infrastructure;

namespace AfterSales.Tests.Browser;

/// <summary>The README's screenshots of the console are committed, small, and cover the three kinds of user in both
/// languages (the browser tests write them: <c>AFTERSALES_SCREENSHOTS_UPDATE=1 dotnet test tests/Browser -c Release</c>).</summary>
public sealed class ReadmeScreenshotTests
{
    /// <summary>A README image bigger than this slows every clone and page view for little gain.</summary>
    private const long MaxBytes = 200 * 1024;

    [Fact]
    public void EveryImageTheReadmeShowsIsCommittedAndSmall()
    {
        var names = ReadmeImages.Names();

        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var file = new FileInfo(Path.Combine(ReadmeImages.Directory, name + ".png"));
            Assert.True(file.Exists, $"README.md shows docs/images/{name}.png, which is missing");
            Assert.True(file.Length <= MaxBytes, $"docs/images/{name}.png is {file.Length / 1024} KB (at most {MaxBytes / 1024} KB)");
            // A PNG starts with its signature: not an empty or placeholder file.
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(file.FullName)[..4]);
        }
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("technician-phone")]
    [InlineData("board")]
    public void TheReadmeShowsEachKindOfUserInBothLanguages(string screen)
    {
        var names = ReadmeImages.Names();

        Assert.Contains($"{screen}-en", names);
        Assert.Contains($"{screen}-zh-CN", names);
    }
}
