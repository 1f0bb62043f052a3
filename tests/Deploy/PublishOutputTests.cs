using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Tests.Deploy.Infrastructure;

namespace AfterSales.Tests.Deploy;

/// <summary>Each published program carries its own settings files and nobody else's.</summary>
[Collection(PublishedProgramsCollection.Name)]
public sealed class PublishOutputTests(PublishedPrograms published)
{
    [Theory]
    [InlineData("src/Api", "api")]
    [InlineData("src/Silo", "silo")]
    public void EachPublishHoldsExactlyTheSettingsFilesOfItsOwnProject(string project, string folder)
    {
        var output = Path.Combine(published.Folder, folder);
        var source = RepositoryFiles.PathOf(project);

        Assert.Equal(SettingsFiles(source), SettingsFiles(output));
        Assert.Contains("appsettings.json", SettingsFiles(output));
        foreach (var name in SettingsFiles(output))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(source, name)), File.ReadAllText(Path.Combine(output, name)));
        }
    }

    [Fact]
    public void TheApisBuildOutputHoldsTheApisOwnSettingsNotTheSilos()
    {
        var build = RepositoryFiles.PathOf($"src/Api/bin/{PublishedPrograms.Configuration}/net10.0");

        Assert.Equal(SettingsFiles(RepositoryFiles.PathOf("src/Api")), SettingsFiles(build));
        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("src/Api/appsettings.json")), File.ReadAllText(Path.Combine(build, "appsettings.json")));
    }

    [Fact]
    public void TheShippedApiSettingsKeepAspNetCoreRequestLoggingAtWarning()
    {
        // At Information, ASP.NET Core writes several lines per request (request start, endpoint, finish...).
        var settings = File.ReadAllText(Path.Combine(published.Api, "appsettings.json"));

        Assert.Contains("\"Microsoft.AspNetCore\": \"Warning\"", settings, StringComparison.Ordinal);
    }

    private static string[] SettingsFiles(string folder) =>
        [.. Directory.GetFiles(folder, "appsettings*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
