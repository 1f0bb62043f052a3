using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Who reaches which data: a customer their own records and cases (another's answer 404, as if missing), the
/// case list narrowed to the caller's reach, customers opening cases only for themselves.</summary>
public sealed class ResourceAccessTests(AccessApiApplication app) : IClassFixture<AccessApiApplication>
{
    [Fact]
    public async Task ACustomerReadsTheirOwnCaseAndAnotherCustomersCaseIsNotFound()
    {
        var data = await AccessData.OfAsync(app);
        using var owner = data.ClientOf("cust");
        using var other = data.ClientOf("cust2");

        using var own = await owner.GetAsync($"/api/cases/{data.CaseNumber}");
        using var foreign = await other.GetAsync($"/api/cases/{data.CaseNumber}");
        using var missing = await other.GetAsync("/api/cases/AS-2099-999999");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        // Out of reach and not there read the same, so the answer confirms nothing.
        Assert.Equal(missing.StatusCode, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACustomerReadsTheirOwnRecordAndDeviceOnly()
    {
        var data = await AccessData.OfAsync(app);
        using var owner = data.ClientOf("cust");
        using var other = data.ClientOf("cust2");

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/customers/{data.CustomerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/devices/{data.Serial}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/customers/{data.CustomerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/devices/{data.Serial}")).StatusCode);
    }

    [Fact]
    public async Task ATechnicianReadsAndActsOnTheCaseAssignedToThemAndAnotherTechnicianGetsNotFound()
    {
        using var admin = app.CreateApiClient();
        var opened = await new ApiDriver(admin).OpenAssignedCaseAsync("north");
        var holder = Assert.IsType<string>(opened.AssignedTechnicianId);
        using var own = app.CreateApiClient(app.Tokens.For("technician", technicianId: holder));
        using var other = app.CreateApiClient(app.Tokens.For("technician", technicianId: ApiDriver.Unique("T")));

        using var foreignRead = await other.GetAsync($"/api/cases/{opened.Number}");
        using var foreignHistory = await other.GetAsync($"/api/cases/{opened.Number}/history");
        using var foreignStart = await other.PostAsync($"/api/cases/{opened.Number}/start", null);
        using var read = await own.GetAsync($"/api/cases/{opened.Number}");
        using var history = await own.GetAsync($"/api/cases/{opened.Number}/history");
        using var start = await own.PostAsync($"/api/cases/{opened.Number}/start", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (foreignRead.StatusCode, foreignHistory.StatusCode, foreignStart.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (read.StatusCode, history.StatusCode));
        var started = await ApiDriver.ReadAsync<AfterSales.Api.Cases.CaseResponse>(start, HttpStatusCode.OK);
        Assert.Equal((opened.Number, holder, AfterSales.Cases.CaseStatus.InProgress), (started.Number, started.AssignedTechnicianId, started.Status));
    }

    [Fact]
    public async Task ACustomerReadsTheirOwnComplaintWithoutTheInternalNotesAndAnotherCustomersIsNotFound()
    {
        using var admin = app.CreateApiClient();
        var driver = new ApiDriver(admin);
        var customer = await driver.CreateCustomerAsync("east");
        var otherCustomer = await driver.CreateCustomerAsync("east");
        using var filed = await driver.PostAsync("/api/complaints", new
        {
            customerId = customer.Id, channel = "email", category = "serviceQuality", severity = "medium", description = "Nobody called back.",
        });
        var id = (await ApiDriver.ReadAsync<AfterSales.Api.Complaints.ComplaintResponse>(filed, HttpStatusCode.Created)).Id;
        foreach (var (text, visibility) in new[] { ("Spoke to the branch manager.", "internal"), ("We will call you on Monday.", "customer") })
        {
            using var noted = await driver.PostAsync($"/api/complaints/{id}/notes", new { text, visibility });
            Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        }
        using var owner = app.CreateApiClient(app.Tokens.For("customer", customerId: customer.Id));
        using var other = app.CreateApiClient(app.Tokens.For("customer", customerId: otherCustomer.Id));

        using var own = await owner.GetAsync($"/api/complaints/{id}");
        using var foreign = await other.GetAsync($"/api/complaints/{id}");
        using var missing = await other.GetAsync("/api/complaints/CMP-2099-999999");
        using var history = await owner.GetAsync($"/api/complaints/{id}/history");

        var seen = await ApiDriver.ReadAsync<AfterSales.Api.Complaints.ComplaintResponse>(own, HttpStatusCode.OK);
        Assert.Equal(["We will call you on Monday."], seen.Notes.Select(n => n.Text));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign.StatusCode, missing.StatusCode));
        // The complaint's history is the desk's working record: a customer has no access to it at all.
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
    }

    [Fact]
    public async Task AnAgentReachesTheCasesOfTheirDepartmentAndRegionOnly()
    {
        var data = await AccessData.OfAsync(app);
        using var mine = data.ClientOf("agent");
        using var elsewhere = data.ClientOf("agent2");

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync($"/api/cases/{data.CaseNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/cases/{data.CaseNumber}")).StatusCode);
    }

    [Fact]
    public async Task TheCaseListShowsEachCallerOnlyTheCasesInTheirReach()
    {
        var data = await AccessData.OfAsync(app);

        // The list follows the case events: once an admin sees the case, every caller's answer includes it if it may.
        var admin = await NumbersAsync(data.ClientOf("admin"), $"/api/cases?customer={data.CustomerId}", data.CaseNumber);
        var own = await NumbersAsync(data.ClientOf("cust"), $"/api/cases?customer={data.CustomerId}");
        var mine = await NumbersAsync(data.ClientOf("agent"), "/api/cases?region=east");
        var foreign = await NumbersAsync(data.ClientOf("cust2"), $"/api/cases?customer={data.CustomerId}");
        var elsewhere = await NumbersAsync(data.ClientOf("agent2"), "/api/cases");

        Assert.Contains(data.CaseNumber, admin);
        Assert.Contains(data.CaseNumber, own);
        Assert.Contains(data.CaseNumber, mine);
        Assert.Empty(foreign);
        Assert.DoesNotContain(data.CaseNumber, elsewhere);
    }

    [Fact]
    public async Task ACustomerOpensCasesForThemselvesOnly()
    {
        var data = await AccessData.OfAsync(app);
        using var other = data.ClientOf("cust2");

        using var response = await other.PostAsJsonAsync("/api/cases", new
        {
            customerId = data.CustomerId,
            type = "consultation",
            priority = "normal",
            channel = "web",
            subject = "Not mine",
            description = "Someone else's customer id.",
        }, ApiDriver.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerId", out _));
    }

    [Fact]
    public async Task ACustomerSeesTheNotesWrittenForThemAndNeverTheInternalOnes()
    {
        var data = await AccessData.OfAsync(app);
        using var agent = data.ClientOf("agent");
        using var customer = data.ClientOf("cust");
        using (var internalNote = await agent.PostAsJsonAsync($"/api/cases/{data.CaseNumber}/notes", new { text = "Customer sounded upset.", visibility = "internal" }, ApiDriver.Json))
        {
            Assert.Equal(HttpStatusCode.OK, internalNote.StatusCode);
        }

        using var own = await customer.PostAsJsonAsync($"/api/cases/{data.CaseNumber}/notes", new { text = "Any news?", visibility = "customer" }, ApiDriver.Json);
        using var refused = await customer.PostAsJsonAsync($"/api/cases/{data.CaseNumber}/notes", new { text = "Sneaky.", visibility = "internal" }, ApiDriver.Json);
        var read = await customer.GetFromJsonAsync<JsonElement>($"/api/cases/{data.CaseNumber}", ApiDriver.Json);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        foreach (var answer in new[] { read, await own.Content.ReadFromJsonAsync<JsonElement>() })
        {
            var notes = answer.GetProperty("notes").EnumerateArray().ToList();
            Assert.Contains(notes, note => note.GetProperty("text").GetString() == "Any news?");
            Assert.All(notes, note => Assert.Equal("customer", note.GetProperty("visibility").GetString()));
        }
    }

    /// <summary>The case numbers of the list; with <paramref name="awaited"/>, polled until it shows that case (the read
    /// model follows the case events) or a deadline passes.</summary>
    private static async Task<List<string>> NumbersAsync(HttpClient client, string path, string? awaited = null)
    {
        using (client)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var list = await client.GetFromJsonAsync<JsonElement>(path, ApiDriver.Json);
                var numbers = list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("number").GetString()!).ToList();
                if (awaited is null || numbers.Contains(awaited) || DateTime.UtcNow > deadline)
                {
                    return numbers;
                }
                await Task.Delay(100);
            }
        }
    }
}
