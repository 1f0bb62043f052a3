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

    /// <summary>How often a publish is tried: <c>dotnet test</c> of the solution builds and runs its test projects in
    /// parallel, and another test project's build of the Api (a project reference) may be rewriting its intermediate
    /// files (the static web assets manifest) at the moment this publish reads them; once that build is done a
    /// publish succeeds.</summary>
    private const int Attempts = 5;

    private static async Task PublishAsync(string project, string output)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await ProcessRunner.RunAsync(
                "dotnet",
                ["publish", RepositoryFiles.PathOf(project), "-c", Configuration, "--no-build", "-o", output],
                RepositoryFiles.Root,
                new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
                TimeSpan.FromMinutes(3));
            if (result.ExitCode == 0)
            {
                return;
            }
            if (attempt == Attempts || !result.Output.Contains("staticwebassets", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"dotnet publish {project} failed ({result.ExitCode}, attempt {attempt}):\n{result.Output}");
            }
            // Waiting for another process's build to finish: there is nothing to observe it by but time.
            await Task.Delay(TimeSpan.FromSeconds(5 * attempt));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedProgramsCollection : ICollectionFixture<PublishedPrograms>
{
    public const string Name = "published programs";
}
