using System.Net;
using AfterSales.Api.Kpis;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>GET /api/kpis</c>: figures of the cases the list holds, and bad input answered field by field.</summary>
[Collection(ApiCollection.Name)]
public sealed class KpiApiTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    private CaseListDriver List => new(api);

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task TheFiguresOfARegionCountItsOpenCasesByPriorityAndDay()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        var first = await List.OpenAsync(customer.Id, "Boiler leaks", priority: "high");
        await List.OpenAsync(customer.Id, "Noisy pump");
        await List.SettledAsync();
        var from = first.CreatedAt.AddDays(-1).ToString("O");
        var to = first.CreatedAt.AddHours(1).ToString("O");

        using var response = await api.Client.GetAsync(
            $"/api/kpis?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&region={customer.Region}&groupBy=day");
        var kpis = await ApiDriver.ReadAsync<KpiResponse>(response, HttpStatusCode.OK);

        Assert.Equal(("UTC", customer.Region, "day"), (kpis.TimeZone, kpis.Region, kpis.GroupBy));
        Assert.Equal(2, kpis.Backlog.Total);
        Assert.Equal([("high", 1L), ("normal", 1L)], kpis.Backlog.ByPriority.Select(c => (c.Key, c.Count)));
        Assert.Equal(2, kpis.Backlog.ByAge.Single(c => c.Key == "under1d").Count);
        Assert.Equal((0L, 2L, 0.0), (kpis.Complaints.Numerator, kpis.Complaints.Denominator, kpis.Complaints.Percent!.Value));
        Assert.Equal(0, kpis.Mttr.Resolved);
        Assert.Null(kpis.Mttr.Hours);
        Assert.Equal(2, kpis.Series.Sum(b => b.Created));
        Assert.Equal(kpis.Series.Length, kpis.Series.Select(b => b.Start).Distinct().Count());
    }

    [Theory]
    [InlineData("to=2026-03-01T00:00:00Z", "from")]
    [InlineData("from=2026-03-01&to=2026-03-02T00:00:00Z", "from")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from")]
    [InlineData("from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&groupBy=month", "groupBy")]
    [InlineData("from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&department=sales", "department")]
    [InlineData("from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z&region=atlantis", "region")]
    public async Task BadInputIsRefusedNamingTheField(string query, string field)
    {
        using var response = await api.Client.GetAsync("/api/kpis?" + query);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }
}
