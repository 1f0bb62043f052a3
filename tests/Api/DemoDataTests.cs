using System.Net;
using System.Text.Json;
using AfterSales.Api.Demo;
using AfterSales.Silo.Hosting;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The demo data set: seeded through the API on an empty embedded store, complete (every case status, both
/// regions, all four departments), seeded once across restarts, and off where it should be.</summary>
public sealed class DemoDataTests
{
    private const int DemoCaseCount = 10;

    private static readonly string[] EveryStatus = ["new", "assigned", "inProgress", "waitingForCustomer", "resolved", "closed", "cancelled"];

    [Fact]
    public async Task AnEmptyStoreIsSeededOnceAndARestartAddsNothing()
    {
        var dataDirectory = ApiApplication.NewDataDirectory();
        try
        {
            var first = DemoApiApplication.Restarted(dataDirectory);
            await ((IAsyncLifetime)first).InitializeAsync();
            List<string> numbers;
            try
            {
                await first.SeededAsync();
                using var client = first.CreateApiClient();

                // The screen pop of the first demo caller finds the customer, the devices, the cases.
                var lookup = await ReadJsonAsync(client, "/api/customers/lookup?phone=%2B86%20139%200000%209001");
                var customer = lookup.GetProperty("customers")[0];
                Assert.Equal("C-9001", customer.GetProperty("id").GetString());
                Assert.Equal(2, customer.GetProperty("devices").GetArrayLength());
                Assert.True(customer.GetProperty("recentCases").GetArrayLength() >= 2);

                // Every status, both regions, all four departments, as the case list shows them.
                List<JsonElement> items = [];
                await ApiDriver.EventuallyAsync(async () =>
                {
                    items = [.. (await ReadJsonAsync(client, "/api/cases?limit=100")).GetProperty("items").EnumerateArray()];
                    return items.Count == DemoCaseCount && EveryStatus.All(s => items.Any(i => i.GetProperty("status").GetString() == s));
                }, "every demo case in the list, one in every status", seconds: 30);
                Assert.Equal(["north", "west"], items.Select(i => i.GetProperty("region").GetString()).Distinct().Order());
                Assert.Equal(4, items.Select(i => i.GetProperty("department").GetString()).Distinct().Count());
                numbers = [.. items.Select(i => i.GetProperty("number").GetString()!).Order()];

                // The installer and the maintenance technician of the sign-in page each hold a west work order: an
                // installation with the model's checklist to fill, a maintenance case to record a visit on.
                var installation = await HeldCaseAsync(client, "T-9301");
                Assert.Equal("installation", installation.GetProperty("type").GetString());
                var checklist = await ReadJsonAsync(client, $"/api/cases/{installation.GetProperty("caseNumber").GetString()}/checklist");
                Assert.Equal(4, checklist.GetProperty("items").GetArrayLength());
                Assert.Equal(0, checklist.GetProperty("progress").GetProperty("answered").GetInt32());
                Assert.Equal("maintenance", (await HeldCaseAsync(client, "T-9401")).GetProperty("type").GetString());

                // A technician of each department in each region, on the boards.
                foreach (var department in new[] { "customer-service", "technical-support", "installation", "maintenance" })
                {
                    foreach (var region in new[] { "west", "north" })
                    {
                        var board = await ReadJsonAsync(client, $"/api/departments/{department}/{region}");
                        Assert.True(board.GetProperty("roster").GetArrayLength() >= 1, $"{department}/{region} has nobody");
                    }
                }
            }
            finally
            {
                await ((IAsyncLifetime)first).DisposeAsync();
            }

            var second = DemoApiApplication.Restarted(dataDirectory);
            await ((IAsyncLifetime)second).InitializeAsync();
            try
            {
                await second.SeededAsync();
                using var client = second.CreateApiClient();
                var items = (await ReadJsonAsync(client, "/api/cases?limit=100")).GetProperty("items").EnumerateArray();
                Assert.Equal(numbers, items.Select(i => i.GetProperty("number").GetString()!).Order());
            }
            finally
            {
                await ((IAsyncLifetime)second).DisposeAsync();
            }
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }

    [Theory]
    [InlineData(HostingMode.Embedded, null, true)]
    [InlineData(HostingMode.Embedded, false, false)]
    [InlineData(HostingMode.Cluster, null, false)]
    [InlineData(HostingMode.Client, null, false)]
    [InlineData(HostingMode.Cluster, true, true)]
    public void SeedingIsOnByDefaultOnlyInTheEmbeddedMode(HostingMode mode, bool? seed, bool expected)
    {
        Assert.Equal(expected, DemoSeeder.Enabled(new DemoOptions { Seed = seed }, new HostingOptions { Mode = mode }));
    }

    /// <summary>The one case the technician holds.</summary>
    private static async Task<JsonElement> HeldCaseAsync(HttpClient client, string technicianId) =>
        Assert.Single((await ReadJsonAsync(client, $"/api/technicians/{technicianId}/assignments")).EnumerateArray());

    private static async Task<JsonElement> ReadJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
