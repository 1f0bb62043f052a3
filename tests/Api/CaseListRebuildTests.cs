using System.Net;
using System.Text.Json;
using AfterSales.Api.CaseList;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>POST /api/case-list/rebuild</c> replays the journal into an empty list and gives the same answers
/// (an application of its own: the rebuild empties the list every test of the process would read).</summary>
public sealed class CaseListRebuildTests(ApiApplication app) : IClassFixture<ApiApplication>, IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ARebuildFromTheEventsGivesTheSameListAsFollowingThemLive()
    {
        var list = new CaseListDriver(api);
        var region = app.NewRegion();
        await api.CreateTechnicianAsync("technical-support", region, onShift: true, capacity: 10);
        var customer = await api.CreateCustomerAsync(region);
        var cases = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add((await list.OpenAsync(customer.Id, $"打印机故障 {i}", "Printer prints blank pages", priority: i % 2 == 0 ? "high" : "low")).Number);
        }
        foreach (var number in cases.Take(3))
        {
            using var start = await api.SendAsync(HttpMethod.Post, $"/api/cases/{number}/start", null);
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }
        using (var resolve = await api.PostAsync($"/api/cases/{cases[0]}/resolve", new { summary = "Replaced the drum." }))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }
        await list.SettledAsync();
        var before = await Snapshot(list, customer.Id);

        using var rebuild = await api.PostAsync("/api/case-list/rebuild", new { });
        var started = await ApiDriver.ReadAsync<CaseListProgressResponse>(rebuild, HttpStatusCode.Accepted);
        await ApiDriver.EventuallyAsync(async () => (await list.ListAsync("limit=1")).Progress.Position >= started.Head, "the rebuild to finish", seconds: 30);
        var after = await Snapshot(list, customer.Id);

        Assert.Equal(6, JsonDocument.Parse(before[0]).RootElement.GetProperty("items").GetArrayLength());
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
    }

    /// <summary>Several views of the customer's cases, as JSON without the progress (which moves).</summary>
    private static async Task<string[]> Snapshot(CaseListDriver list, string customer)
    {
        string[] queries = [$"customer={customer}", $"customer={customer}&sort=priority", $"customer={customer}&status=resolved",
            $"customer={customer}&text={Uri.EscapeDataString("打印机")}", $"customer={customer}&text=blank&sort=updatedAt"];
        var views = new List<string>();
        foreach (var query in queries)
        {
            var page = await list.ListAsync(query);
            views.Add(JsonSerializer.Serialize(new { items = page.Items, next = page.Next }, ApiDriver.Json));
        }
        return [.. views];
    }
}
