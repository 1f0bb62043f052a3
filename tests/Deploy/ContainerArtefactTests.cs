using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Tests.Deploy.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AfterSales.Tests.Deploy;

/// <summary>The Dockerfiles and docker-compose.yml checked without a container engine: entry points against the real
/// publish output, build contexts against the repository, settings against the other examples.</summary>
[Collection(PublishedProgramsCollection.Name)]
public sealed partial class ContainerArtefactTests(PublishedPrograms published)
{
    private static readonly string DeployFolder = RepositoryFiles.PathOf("deploy");

    private static readonly YamlMappingNode Compose = Yaml.Documents(Path.Combine(DeployFolder, "docker-compose.yml"))[0];

    [Theory]
    [InlineData("silo", "src/Silo/AfterSales.Silo.csproj")]
    [InlineData("api", "src/Api/AfterSales.Api.csproj")]
    public void EachDockerfilePublishesItsProjectAndStartsADllOfThatPublish(string program, string project)
    {
        var dockerfile = File.ReadAllText(Path.Combine(DeployFolder, "docker", program + ".Dockerfile"));
        var publishFolder = Path.Combine(published.Folder, program);

        var entryPoint = EntryPoint().Match(dockerfile);
        Assert.True(entryPoint.Success, "no ENTRYPOINT [\"dotnet\", \"….dll\"]");
        Assert.True(File.Exists(Path.Combine(publishFolder, entryPoint.Groups["dll"].Value)), $"{entryPoint.Groups["dll"].Value} is not in the publish of {project}");
        Assert.Contains($"dotnet publish {project} -c Release", dockerfile, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryFiles.PathOf(project)));
        // Every project file the restore layer copies exists, at the path it is copied from.
        foreach (Match copy in CopiedProjectFile().Matches(dockerfile))
        {
            Assert.True(File.Exists(RepositoryFiles.PathOf(copy.Groups["path"].Value)), copy.Value);
        }
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("api")]
    public void EachImageBuildsOnTheSdkAndRunsOnTheAspNetRuntimeAsANonRootUser(string program)
    {
        var dockerfile = File.ReadAllText(Path.Combine(DeployFolder, "docker", program + ".Dockerfile"));

        Assert.Contains("ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile, StringComparison.Ordinal);
        Assert.Equal(["FROM ${SDK_IMAGE} AS build", "FROM ${RUNTIME_IMAGE} AS runtime"], Lines(dockerfile, "FROM "));
        Assert.Equal(["USER $APP_UID"], Lines(dockerfile, "USER "));
        // The final stage copies the publish only: no sources, no SDK.
        var final = dockerfile[dockerfile.IndexOf("FROM ${RUNTIME_IMAGE}", StringComparison.Ordinal)..];
        Assert.Equal(["COPY --from=build /app ./"], Lines(final, "COPY "));
    }

    [Fact]
    public void ComposeRunsPostgresThreeSilosAndTheApiEachWithAHealthCheck()
    {
        var services = Services();

        Assert.Equal(["api", "postgres", "silo1", "silo2", "silo3"], services.Keys.Order(StringComparer.Ordinal));
        Assert.All(services.Values, service => Assert.NotNull(service.Find("healthcheck", "test")));
        Assert.All(["silo1", "silo2", "silo3"], silo => Assert.Equal("Cluster", services[silo].Text("environment", "AfterSales__Hosting__Mode")));
        Assert.Equal("Client", services["api"].Text("environment", "AfterSales__Hosting__Mode"));
        Assert.All(services.Values.Where(s => s.Find("build") is not null),
            service => Assert.Equal("service_healthy", service.Text("depends_on", "postgres", "condition")));
    }

    [Fact]
    public void ComposeBuildsFromDockerfilesThatExistAndEveryImageIsBuiltOrPublic()
    {
        var services = Services();
        var built = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in services.Values.Where(s => s.Find("build") is not null))
        {
            var context = Path.GetFullPath(Path.Combine(DeployFolder, service.Text("build", "context")!));
            Assert.Equal(RepositoryFiles.Root.TrimEnd('/'), context.TrimEnd('/'));
            Assert.True(File.Exists(Path.Combine(context, service.Text("build", "dockerfile")!)), service.Text("build", "dockerfile"));
            built.Add(service.Text("image")!);
        }
        Assert.Equal(["aftersales-api:local", "aftersales-silo:local"], built.Order(StringComparer.Ordinal));
        Assert.Equal("postgres:15", services["postgres"].Text("image"));
    }

    [Fact]
    public void ComposeConfiguresTheProgramsByEnvironmentVariablesOnly()
    {
        foreach (var (name, service) in Services().Where(s => s.Key != "postgres"))
        {
            Assert.Null(service.Find("volumes"));
            Assert.Null(service.Find("command"));
            Assert.Null(service.Find("entrypoint"));
            Assert.Contains("ConnectionStrings__AfterSales", service.Strings("environment").Keys);
            Assert.True(service.Strings("environment")["ConnectionStrings__AfterSales"].Contains("Host=postgres;", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void EveryExampleUsesOneClusterIdAndServiceId()
    {
        var ids = new List<(string Where, string? ClusterId, string? ServiceId)>();
        foreach (var (name, service) in Services().Where(s => s.Key != "postgres"))
        {
            ids.Add(($"compose {name}", service.Text("environment", "AfterSales__Hosting__ClusterId"), service.Text("environment", "AfterSales__Hosting__ServiceId")));
        }
        var k8s = Yaml.Documents(RepositoryFiles.PathOf("deploy/k8s/config.yaml")).Single(d => d.Kind() == "ConfigMap").Strings("data");
        ids.Add(("k8s", k8s["AfterSales__Hosting__ClusterId"], k8s["AfterSales__Hosting__ServiceId"]));
        foreach (var file in Directory.GetFiles(RepositoryFiles.PathOf("deploy/cluster"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var hosting = json.RootElement.GetProperty("AfterSales").GetProperty("Hosting");
            ids.Add((Path.GetFileName(file), hosting.GetProperty("ClusterId").GetString(), hosting.GetProperty("ServiceId").GetString()));
        }
        var script = File.ReadAllText(RepositoryFiles.PathOf("deploy/local-cluster.sh"));
        ids.Add(("local-cluster.sh", ScriptDefault(script, "AFTERSALES_CLUSTER_ID"), ScriptDefault(script, "AFTERSALES_SERVICE_ID")));

        Assert.True(ids.Count >= 7);
        Assert.All(ids, id => Assert.Equal(("aftersales", "aftersales"), (id.ClusterId, id.ServiceId)));
    }

    private static Dictionary<string, YamlMappingNode> Services() =>
        Compose.Map("services").Entries().ToDictionary(e => e.Key, e => (YamlMappingNode)e.Value);

    private static string[] Lines(string text, string prefix) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];

    private static string? ScriptDefault(string script, string variable) =>
        Regex.Match(script, $@"\$\{{{variable}:-(?<value>[^}}]+)\}}").Groups["value"].Value;

    [GeneratedRegex(@"^ENTRYPOINT \[""dotnet"", ""(?<dll>[A-Za-z.]+\.dll)""\]\s*$", RegexOptions.Multiline)]
    private static partial Regex EntryPoint();

    [GeneratedRegex(@"^COPY (?<path>src/\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex CopiedProjectFile();
}
