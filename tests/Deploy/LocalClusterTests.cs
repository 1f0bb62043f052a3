using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Tests.Deploy.Infrastructure;
using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Deploy;

/// <summary>deploy/local-cluster.sh as a newcomer uses it: start 2, work through the API, status, stop.</summary>
[Collection(PublishedProgramsCollection.Name)]
public sealed partial class LocalClusterTests(PublishedPrograms published)
{
    [PostgresFact]
    public async Task StartsTwoSilosAndAnApiThatServeCasesAndStopsEveryProcessItStarted()
    {
        await using var cluster = new LocalCluster(published);

        var started = await cluster.RunAsync("start", "2");
        Assert.True(started.ExitCode == 0, started.Output);
        Assert.Contains("2 silo(s) are Active", started.Output, StringComparison.Ordinal);
        var pids = cluster.PidFiles();
        Assert.Equal(["api", "silo-1", "silo-2"], pids.Keys.Order(StringComparer.Ordinal));

        var again = await cluster.RunAsync("start", "2");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains($"silo-1 already runs (pid {pids["silo-1"]})", again.Output, StringComparison.Ordinal);
        Assert.Contains($"api already runs (pid {pids["api"]})", again.Output, StringComparison.Ordinal);
        Assert.Equal(pids, cluster.PidFiles());

        using var anonymous = new HttpClient { BaseAddress = cluster.ApiAddress };
        // A cluster has no development tokens (404) and refuses an anonymous caller (401); start wrote an admin token.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/dev/tokens", new { role = "admin", subject = "x" })).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/models")).StatusCode);
        using var http = new HttpClient { BaseAddress = cluster.ApiAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", await File.ReadAllTextAsync(Path.Combine(cluster.State, "admin-token")));
        var logLinesBefore = cluster.Log("api").Split('\n').Length;
        var customerId = $"C-{Random.Shared.Next(100000, 999999)}";
        var customer = await http.PostAsJsonAsync("/api/customers", new
        {
            id = customerId,
            name = "Zhang Wei",
            phones = new[] { "138 0013 8000" },
            region = "east",
            tier = "gold",
            language = "zh-CN",
        });
        Assert.Equal(HttpStatusCode.Created, customer.StatusCode);
        using var caseRequest = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new
            {
                customerId,
                type = "consultation",
                priority = "normal",
                channel = "phone",
                subject = "Which filter fits the B-200?",
                description = "The customer asks for the filter part number.",
            }),
        };
        caseRequest.Headers.Add("Idempotency-Key", $"deploy-test-{customerId}");
        var opened = await http.SendAsync(caseRequest);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var number = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        var read = await http.GetAsync($"/api/cases/{number}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        // The API runs with the settings beside its binaries although the script starts it in the state folder: its
        // content root is that folder, the 64 KB body limit holds, and requests are not logged line by line.
        var oversized = await http.PostAsync("/api/customers", new StringContent($"{{\"name\":\"{new string('x', 70_000)}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        var apiLog = cluster.Log("api");
        Assert.Contains($"Content root path: {published.Api}", apiLog, StringComparison.Ordinal);
        Assert.True(apiLog.Split('\n').Length - logLinesBefore <= 2, apiLog);
        // The silo's own settings too: Microsoft.* at Warning hides the host's start-up lines it logs at Information.
        var siloLog = cluster.Log("silo-1");
        Assert.Contains("Orleans hosting: mode Cluster", siloLog, StringComparison.Ordinal);
        Assert.DoesNotContain("Content root path", siloLog, StringComparison.Ordinal);

        var status = await cluster.RunAsync("status");
        Assert.True(status.ExitCode == 0, status.Output);
        foreach (var (name, pid) in pids)
        {
            Assert.Contains($"{name}  running  pid {pid}", status.Output, StringComparison.Ordinal);
        }
        Assert.Equal(2, ActiveRow().Count(status.Output));

        var stopped = await cluster.RunAsync("stop");
        Assert.True(stopped.ExitCode == 0, stopped.Output);
        Assert.All(pids.Values, pid => Assert.False(LocalCluster.IsRunning(pid), $"pid {pid} still runs"));
        Assert.Empty(cluster.PidFiles());
        var after = await cluster.RunAsync("status");
        Assert.Contains("no process started from", after.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task WithTheApiCoHostedEverySiloServesTheSameCasesOverHttpAndNoSeparateApiRuns()
    {
        await using var cluster = new LocalCluster(published, apiHosting: "silo");

        var started = await cluster.RunAsync("start", "2");
        Assert.True(started.ExitCode == 0, started.Output);
        Assert.Contains("2 silo(s) are Active", started.Output, StringComparison.Ordinal);
        var pids = cluster.PidFiles();
        Assert.Equal(["silo-1", "silo-2"], pids.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"http://127.0.0.1:{LocalCluster.ApiPort + 1}", started.Output, StringComparison.Ordinal);

        var token = await File.ReadAllTextAsync(Path.Combine(cluster.State, "admin-token"));
        using var first = Client(cluster.ApiAddress, token);
        using var second = Client(new Uri($"http://127.0.0.1:{LocalCluster.ApiPort + 1}"), token);
        var customerId = $"C-{Random.Shared.Next(100000, 999999)}";
        Assert.Equal(HttpStatusCode.Created, (await first.PostAsJsonAsync("/api/customers", new
        {
            id = customerId,
            name = "Li Na",
            phones = new[] { "139 0013 9000" },
            region = "east",
            tier = "gold",
            language = "zh-CN",
        })).StatusCode);
        var opened = await second.PostAsJsonAsync("/api/cases", new
        {
            customerId,
            type = "consultation",
            priority = "normal",
            channel = "phone",
            subject = "Where is the reset button?",
            description = "The customer cannot find it.",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var number = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        var read = await first.GetFromJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal(customerId, read.GetProperty("customerId").GetString());
        // Each silo is the API program in Cluster mode.
        Assert.Contains("Orleans hosting: mode Cluster", cluster.Log("silo-2"), StringComparison.Ordinal);

        var stopped = await cluster.RunAsync("stop");
        Assert.True(stopped.ExitCode == 0, stopped.Output);
        Assert.All(pids.Values, pid => Assert.False(LocalCluster.IsRunning(pid), $"pid {pid} still runs"));
        Assert.Empty(cluster.PidFiles());
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"\|\s*Active\s*\|")]
    private static partial Regex ActiveRow();
}
