using AfterSales.Silo.Hosting;

namespace AfterSales.Tests.Deploy;

/// <summary>The content root rule of a published program (the folder of its binaries) and its exceptions.</summary>
public sealed class AppContentRootTests : IDisposable
{
    private readonly string _binaries = Directory.CreateTempSubdirectory("aftersales-bin-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("aftersales-cwd-").FullName;

    [Fact]
    public void AProgramStartedFromAnotherFolderReadsTheSettingsBesideItsBinaries()
    {
        Assert.Equal(_binaries, Resolve([], workingDirectory: _elsewhere));
    }

    [Fact]
    public void AProgramStartedInItsProjectFolderKeepsTheWorkingDirectoryAsDotnetRunDoes()
    {
        File.WriteAllText(Path.Combine(_elsewhere, "AfterSales.Api.csproj"), "<Project />");

        Assert.Null(Resolve([], workingDirectory: _elsewhere));
    }

    [Theory]
    [InlineData("--contentRoot", "/srv/api")]
    [InlineData("--contentroot=/srv/api", null)]
    [InlineData("/contentRoot", "/srv/api")]
    [InlineData("contentRoot=/srv/api", null)]
    public void AContentRootGivenOnTheCommandLineWins(string argument, string? value)
    {
        string[] args = value is null ? [argument] : [argument, value];

        Assert.Null(Resolve(args, workingDirectory: _elsewhere));
    }

    [Fact]
    public void AnArgumentThatOnlyStartsLikeContentRootIsNotOne()
    {
        Assert.Equal(_binaries, Resolve(["--contentRootish=1"], workingDirectory: _elsewhere));
    }

    [Theory]
    [InlineData("DOTNET_CONTENTROOT")]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    public void AContentRootGivenByEnvironmentWins(string variable)
    {
        Assert.Null(Resolve([], workingDirectory: _elsewhere, environment: name => name == variable ? "/srv/api" : null));
    }

    [Fact]
    public void AHostThatIsNotTheProgramItselfKeepsItsOwnContentRoot()
    {
        Assert.Null(Resolve([], workingDirectory: _elsewhere, isEntryAssembly: false));
    }

    public void Dispose()
    {
        Directory.Delete(_binaries, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private string? Resolve(string[] args, string workingDirectory, Func<string, string?>? environment = null, bool isEntryAssembly = true) =>
        AppContentRoot.Resolve(args, environment ?? (_ => null), workingDirectory, _binaries, "AfterSales.Api", isEntryAssembly);
}
