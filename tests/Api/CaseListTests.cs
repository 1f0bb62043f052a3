using System.Net;
using AfterSales.Api.CaseList;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>GET /api/cases</c> and its CSV export: filters, keyset paging under concurrent writes, Chinese and
/// English text search, and bad input answered field by field.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseListTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    private CaseListDriver List => new(api);

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task FiltersCombineAndAFilterGivenTwiceAcceptsEitherValue()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        var fault = await List.OpenAsync(customer.Id, "Boiler leaks", priority: "high");
        var consultation = await List.OpenAsync(customer.Id, "How to descale", priority: "low", type: "consultation");
        var urgent = await List.OpenAsync(customer.Id, "No heating at all", priority: "urgent");
        await List.SettledAsync();

        var all = await List.ListAsync($"customer={customer.Id}");
        var highOrLow = await List.NumbersAsync($"customer={customer.Id}&priority=high&priority=low");
        var department = await List.NumbersAsync($"customer={customer.Id}&department=customer-service");
        var region = await List.NumbersAsync($"customer={customer.Id}&region={customer.Region}&status=new&status=assigned");
        var otherRegion = await List.NumbersAsync($"customer={customer.Id}&region=east");

        Assert.Equal([urgent.Number, consultation.Number, fault.Number], all.Items.Select(i => i.Number));
        Assert.Equal([consultation.Number, fault.Number], highOrLow);
        Assert.Equal([consultation.Number], department);
        Assert.Equal(3, region.Length);
        Assert.Empty(otherRegion);
        var item = all.Items.Single(i => i.Number == fault.Number);
        // The list keeps times to the microsecond, as the journal does.
        var createdAt = fault.CreatedAt.AddTicks(-(fault.CreatedAt.Ticks % TimeSpan.TicksPerMicrosecond));
        Assert.Equal(("Boiler leaks", customer.Id, customer.Region, createdAt), (item.Subject, item.CustomerId, item.Region, item.CreatedAt));
        Assert.Equal("ok", item.Sla);
        Assert.True(all.Progress.Position >= 1);
    }

    [Fact]
    public async Task TextSearchFindsChineseAndEnglishWordsOfAnyLengthInSubjectOrDescription()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        var printer = await List.OpenAsync(customer.Id, "打印机卡纸", "客户报告打印机在第二个纸盒卡纸");
        var english = await List.OpenAsync(customer.Id, "Printer jams on tray 2", "Paper jam reported by the front desk");
        var aircon = await List.OpenAsync(customer.Id, "空调不制冷", "室外机有异响");
        await List.SettledAsync();

        async Task<string[]> Search(string text) => await List.NumbersAsync($"customer={customer.Id}&text={Uri.EscapeDataString(text)}");

        Assert.Equal([printer.Number], await Search("打印机"));
        Assert.Equal([printer.Number], await Search("卡纸"));
        Assert.Equal([printer.Number], await Search("纸盒"));
        Assert.Equal([aircon.Number], await Search("空调"));
        Assert.Equal([aircon.Number], await Search("异响"));
        Assert.Equal([aircon.Number], await Search("冷"));
        Assert.Equal([english.Number], await Search("PRINTER"));
        Assert.Equal([english.Number], await Search("jam desk"));
        Assert.Equal([english.Number], await Search("2"));
        Assert.Empty(await Search("打印机 空调"));
        Assert.Empty(await Search("toner"));
    }

    [Fact]
    public async Task PagingByCreationNeitherSkipsNorRepeatsACaseWhileCasesOpenAndChange()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        var opened = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            opened.Add((await List.OpenAsync(customer.Id, $"Case {i}")).Number);
        }
        await List.SettledAsync();

        var seen = new List<string>();
        var page = await List.ListAsync($"customer={customer.Id}&sort=-createdAt&limit=5");
        var turn = 0;
        while (true)
        {
            seen.AddRange(page.Items.Select(i => i.Number));
            if (page.Next is null)
            {
                break;
            }
            // Between pages: new cases open (they sort before the cursor) and listed ones change.
            await List.OpenAsync(customer.Id, $"Late case {turn}");
            using (var note = await api.PostAsync($"/api/cases/{opened[turn * 3]}/notes", new { text = "Called back.", visibility = "internal" }))
            {
                Assert.Equal(HttpStatusCode.OK, note.StatusCode);
            }
            await List.SettledAsync();
            turn++;
            using var next = await api.Client.GetAsync(page.Next);
            page = await ApiDriver.ReadAsync<CaseListResponse>(next, HttpStatusCode.OK);
        }

        Assert.Equal(Enumerable.Reverse(opened), seen);
        Assert.Equal(2, turn);
    }

    [Fact]
    public async Task SortingByPriorityPutsUrgentFirstAndBreaksTiesByNumber()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        var low = await List.OpenAsync(customer.Id, "a", priority: "low");
        var urgent = await List.OpenAsync(customer.Id, "b", priority: "urgent");
        var normal1 = await List.OpenAsync(customer.Id, "c");
        var normal2 = await List.OpenAsync(customer.Id, "d");
        await List.SettledAsync();

        var ascending = await List.NumbersAsync($"customer={customer.Id}&sort=priority");
        var descending = await List.NumbersAsync($"customer={customer.Id}&sort=-priority");

        string[] normals = [.. new[] { normal1.Number, normal2.Number }.Order(StringComparer.Ordinal)];
        Assert.Equal([urgent.Number, .. normals, low.Number], ascending);
        Assert.Equal(Enumerable.Reverse(ascending), descending);
    }

    [Fact]
    public async Task TheCsvExportQuotesByRfc4180AndDefusesFormulas()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        var formula = await List.OpenAsync(customer.Id, "=HYPERLINK(\"http://x\",\"y\")");
        var plain = await List.OpenAsync(customer.Id, "Leak, \"bad\" one");
        var minus = await List.OpenAsync(customer.Id, "-2 degrees");
        await List.SettledAsync();

        using var response = await api.Client.GetAsync($"/api/cases/export.csv?customer={customer.Id}&sort=createdAt");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n");
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("number,type,status,priority,", lines[0]);
        Assert.StartsWith($"{formula.Number},fault,", lines[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", lines[1]);
        Assert.Contains(",\"Leak, \"\"bad\"\" one\",", lines[2]);
        Assert.StartsWith(plain.Number, lines[2]);
        Assert.Contains(",'-2 degrees,", lines[3]);
        Assert.StartsWith(minus.Number, lines[3]);
    }

    [Fact]
    public async Task EveryBadFilterIsNamedInOneProblem()
    {
        using var response = await api.Client.GetAsync(
            "/api/cases?status=bogus&department=sales&region=atlantis&priority=asap&sla=late&assignee=%20x&sort=name&limit=0&cursor=zz!");
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "status");

        Assert.Equal(["assignee", "cursor", "department", "limit", "priority", "region", "sla", "sort", "status"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ACursorOfAnotherSortAndABadExportFilterAreRefused()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        await List.OpenAsync(customer.Id, "one");
        await List.OpenAsync(customer.Id, "two");
        await List.SettledAsync();
        var first = await List.ListAsync($"customer={customer.Id}&limit=1");
        var cursor = first.Next!.Split("cursor=")[1];

        using var otherSort = await api.Client.GetAsync($"/api/cases?customer={customer.Id}&sort=updatedAt&cursor={cursor}");
        using var export = await api.Client.GetAsync("/api/cases/export.csv?status=bogus");

        await Problem.AssertAsync(otherSort, HttpStatusCode.BadRequest, "cursor");
        await Problem.AssertAsync(export, HttpStatusCode.BadRequest, "status");
    }
}
