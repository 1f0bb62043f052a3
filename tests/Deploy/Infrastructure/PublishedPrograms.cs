using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Deploy.Infrastructure;

/// <summary>The Silo and the Api published once (<c>dotnet publish --no-build</c> of the build the tests run from)
/// into a temporary folder, <c>silo/</c> and <c>api/</c> beside each other as the deployment docs lay them out.</summary>
public sealed class PublishedPrograms : IAsyncLifetime
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public string Folder { get; } = Directory.CreateTempSubdirectory("aftersales-publish-").FullName;

    public string Silo => Path.Combine(Folder, "silo");

    public string Api => Path.Combine(Folder, "api");

    public async Task InitializeAsync()
    {
        await PublishAsync("src/Silo", Silo);
        await PublishAsync("src/Api", Api);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Publishes without building: this test project references both programs, so their build is done (and
    /// is the one the other test projects ran) before any test here starts.</summary>
    private static async Task PublishAsync(string project, string output)
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", RepositoryFiles.PathOf(project), "-c", Configuration, "--no-build", "-o", output],
            RepositoryFiles.Root,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed ({result.ExitCode}):\n{result.Output}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedProgramsCollection : ICollectionFixture<PublishedPrograms>
{
    public const string Name = "published programs";
}
