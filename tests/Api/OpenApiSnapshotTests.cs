using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The committed <c>openapi/v1.json</c> is the document the built API serves in its default configuration:
/// the client in <c>tests/Api/Client</c> is generated from it, and CI lints the document this test exports.</summary>
[Collection(DefaultConfigurationCollection.Name)]
public sealed class OpenApiSnapshotTests(DefaultConfigurationApiApplication app) : IDisposable
{
    /// <summary>Where the committed document lives, relative to the repository root.</summary>
    public const string SnapshotPath = "openapi/v1.json";

    /// <summary>Set to a file path, the served document is written there too (what <c>.ci/run</c> lints).</summary>
    public const string ExportVariable = "AFTERSALES_OPENAPI_EXPORT";

    /// <summary>Set to <c>1</c>, the served document replaces the committed one instead of being compared with it.</summary>
    public const string UpdateVariable = "AFTERSALES_OPENAPI_UPDATE";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly HttpClient client = app.CreateApiClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task TheCommittedDocumentIsTheOneTheApiServes()
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable(ExportVariable) is { Length: > 0 } export)
        {
            await File.WriteAllTextAsync(export, served);
        }
        var snapshot = RepositoryFiles.PathOf(SnapshotPath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(snapshot, served);
        }
        Assert.True(File.Exists(snapshot), $"No {SnapshotPath}; run the test with {UpdateVariable}=1 to write it.");
        Assert.True(served == await File.ReadAllTextAsync(snapshot),
            $"The API serves a document other than {SnapshotPath}; run the test with {UpdateVariable}=1, review the diff, "
            + "and regenerate the client (README, Tests).");
    }
}
