using System.Net;
using AfterSales.Api.Installation;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Every kind of bad input to shipments, work orders, checklists and commissioning gets a ProblemDetails with
/// the field at fault and the right status, and nothing already stored is lost or half-applied.</summary>
[Collection(ApiCollection.Name)]
public sealed class InstallationBadInputTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private InstallationDriver Flow() => new(api, app.NewRegion());

    public static TheoryData<string, string, string> MalformedShipments => new()
    {
        { """{"shippedOn":"2026-05-02","devices":[{"serial":"S-1","model":"M"}]}""", "400", "customerId" },
        { """{"customerId":"C-1","devices":[{"serial":"S-1","model":"M"}]}""", "400", "shippedOn" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02"}""", "400", "devices" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[]}""", "400", "devices" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S 1","model":"M"}]}""", "400", "devices[0].serial" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S-1"}]}""", "400", "devices[0].model" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S-1","model":"M"},{"serial":"S-1","model":"M"}]}""", "400", "devices[1].serial" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[null]}""", "400", "devices[0]" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S-1","model":"M"}],"installationWindow":{"start":"2026-06-01T10:00:00Z","end":"2026-06-01T09:00:00Z"}}""", "400", "installationWindow.end" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S-1","model":"M"}],"installationWindow":{"start":"2026-06-01T10:00:00Z"}}""", "400", "installationWindow.end" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S-1","model":"M"}],"id":"no spaces please"}""", "400", "id" },
        { """{"customerId":"C-1","shippedOn":"2026-05-02","devices":[{"serial":"S-1","model":"M"}],"carrier":"DHL"}""", "400", "carrier" },
    };

    [Theory]
    [MemberData(nameof(MalformedShipments))]
    public async Task AMalformedShipmentIsRefusedWith400OnTheField(string body, string status, string field)
    {
        using var response = await api.PostRawAsync("/api/shipments", body);

        await Problem.AssertAsync(response, (HttpStatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), field);
    }

    [Fact]
    public async Task ShipmentsNamingAnUnknownCustomerOrModelOrARegisteredSerialAreRefusedAndStoreNothing()
    {
        var flow = Flow();
        var customer = await api.CreateCustomerAsync(flow.Region);
        var model = await flow.ModelAsync();
        var registered = await api.CreateDeviceAsync(customer.Id, model);
        var fresh = ApiDriver.Unique("SN");
        var id = ApiDriver.Unique("SH");

        using var unknownCustomer = await api.PostAsync("/api/shipments", InstallationDriver.Shipment("C-nobody", model, [fresh], null, id));
        using var unknownModel = await api.PostAsync("/api/shipments", InstallationDriver.Shipment(customer.Id, "NO-SUCH-MODEL", [fresh], null, id));
        using var taken = await api.PostAsync("/api/shipments", InstallationDriver.Shipment(customer.Id, model, [fresh, registered.Serial], InstallationDriver.Window(), id));

        await Problem.AssertAsync(unknownCustomer, HttpStatusCode.NotFound, "customerId");
        var noModel = await Problem.AssertAsync(unknownModel, HttpStatusCode.NotFound, "devices[0].model");
        Assert.Contains("NO-SUCH-MODEL", Problem.Messages(noModel, "devices[0].model")[0], StringComparison.Ordinal);
        await Problem.AssertAsync(taken, HttpStatusCode.Conflict, "devices[1].serial");
        using var shipment = await api.Client.GetAsync($"/api/shipments/{id}");
        await Problem.AssertAsync(shipment, HttpStatusCode.NotFound, "id");
        using var device = await api.Client.GetAsync($"/api/devices/{fresh}");
        await Problem.AssertAsync(device, HttpStatusCode.NotFound, "serial");
        using var cases = await api.Client.GetAsync($"/api/customers/{customer.Id}/cases");
        Assert.Equal("[]", await cases.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AShipmentKeyReusedWithAnotherBodyIs422AndAnExistingIdWithOtherContent409()
    {
        var flow = Flow();
        var customer = await api.CreateCustomerAsync(flow.Region);
        var model = await flow.ModelAsync();
        var key = ApiDriver.Unique("k");
        var id = ApiDriver.Unique("SH");
        using var first = await api.PostAsync("/api/shipments", InstallationDriver.Shipment(customer.Id, model, [ApiDriver.Unique("SN")], null, id), ("Idempotency-Key", key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var otherBody = await api.PostAsync("/api/shipments", InstallationDriver.Shipment(customer.Id, model, [ApiDriver.Unique("SN")], null), ("Idempotency-Key", key));
        using var sameId = await api.PostAsync("/api/shipments", InstallationDriver.Shipment(customer.Id, model, [ApiDriver.Unique("SN")], null, id));

        await Problem.AssertAsync(otherBody, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        await Problem.AssertAsync(sameId, HttpStatusCode.Conflict, "id");
        using var read = await api.Client.GetAsync($"/api/shipments/{id}");
        Assert.Single((await ApiDriver.ReadAsync<ShipmentResponse>(read, HttpStatusCode.OK)).Devices);
    }

    [Fact]
    public async Task AnInstallationCaseWithoutItsDeviceOrWindowOrAWindowOnAnotherCaseIs400OnTheField()
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        object Body(string type, string? deviceSerial, object? window) => new
        {
            customerId = customer.Id, type, priority = "normal", channel = "phone", subject = "Install", description = "Please.", deviceSerial,
            installationWindow = window,
        };

        using var noDevice = await api.PostAsync("/api/cases", Body("installation", null, InstallationDriver.Window()));
        using var noWindow = await api.PostAsync("/api/cases", Body("installation", "SN-1", null));
        using var backwards = await api.PostAsync("/api/cases", Body("installation", "SN-1", new { start = "2026-06-01T10:00:00Z", end = "2026-06-01T10:00:00Z" }));
        using var onAFault = await api.PostAsync("/api/cases", Body("fault", null, InstallationDriver.Window()));

        await Problem.AssertAsync(noDevice, HttpStatusCode.BadRequest, "deviceSerial");
        await Problem.AssertAsync(noWindow, HttpStatusCode.BadRequest, "installationWindow");
        await Problem.AssertAsync(backwards, HttpStatusCode.BadRequest, "installationWindow.end");
        await Problem.AssertAsync(onAFault, HttpStatusCode.BadRequest, "installationWindow");
        using var cases = await api.Client.GetAsync($"/api/customers/{customer.Id}/cases");
        Assert.Equal("[]", await cases.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string, string, string?> BadAnswers => new()
    {
        { "no-such-item", """{"passed":true}""", "404", "itemId", null },
        { "supply-voltage", """{"value":230,"unit":"v"}""", "422", "unit", "'V'" },
        { "supply-voltage", """{"value":250,"unit":"V"}""", "422", "value", "210 to 240 V" },
        { "supply-voltage", """{"value":209.99,"unit":"V"}""", "422", "value", "210 to 240 V" },
        { "supply-voltage", """{"value":250,"unit":"V","deviation":true}""", "422", "note", null },
        { "supply-voltage", """{"value":230,"unit":"V","deviation":true,"note":"odd"}""", "422", "deviation", null },
        { "supply-voltage", """{"passed":true}""", "422", "passed", null },
        { "supply-voltage", """{"unit":"V"}""", "422", "value", null },
        { "leak-test", """{"value":1}""", "422", "value", null },
        { "leak-test", """{}""", "422", "passed", null },
        { "leak-test", """{"passed":true,"photos":["photos/1.jpg"]}""", "400", "photos[0]", null },
        { "leak-test", """{"passed":true,"photos":["javascript:alert(1)"]}""", "400", "photos[0]", null },
        { "leak-test", """{"passed":true,"photos":["a","b","c","d","e","f","g","h","i","j","k"]}""", "400", "photos", null },
        { "leak-test", """{"passed":"yes"}""", "400", "passed", null },
        { "leak-test", """{"passed":true,"colour":"red"}""", "400", "colour", null },
        { "bad item", """{"passed":true}""", "400", "itemId", null },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task ABadChecklistAnswerGetsItsStatusOnTheFieldAndTheChecklistKeepsWhatItHad(string itemId, string body, string status, string field, string? named)
    {
        var flow = Flow();
        var (number, _, _) = await flow.StartedWorkOrderAsync();
        using (var kept = await flow.AnswerAsync(number, "supply-voltage", new { value = 220, unit = "V" }))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }
        var before = await flow.ChecklistAsync(number);

        using var response = await api.SendAsync(HttpMethod.Put, $"/api/cases/{number}/checklist/{Uri.EscapeDataString(itemId)}", ApiDriver.JsonBody(body));

        var problem = await Problem.AssertAsync(response, (HttpStatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), field);
        if (named is not null)
        {
            Assert.Contains(named, Problem.Messages(problem, field)[0], StringComparison.Ordinal);
        }
        var after = await flow.ChecklistAsync(number);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(220m, after.Items.Single(i => i.Id == "supply-voltage").Answer!.Value);
    }

    [Fact]
    public async Task AStaleChecklistETagIs412AndAnUnstartedOrOtherCaseIsRefused()
    {
        var flow = Flow();
        var (number, _, _) = await flow.StartedWorkOrderAsync();
        // A region without installers: its work order waits in the queue.
        var elsewhere = Flow();
        var customer = await api.CreateCustomerAsync(elsewhere.Region);
        var queued = await elsewhere.ShipAsync(customer.Id, await elsewhere.ModelAsync());
        var fault = await api.OpenCaseAsync(customer.Id, "fault", null, null);

        using var stale = await flow.AnswerAsync(number, "leak-test", new { passed = true }, ("If-Match", "\"7\""));
        using var notAssigned = await flow.AnswerAsync(queued.Devices[0].WorkOrderNumber!, "leak-test", new { passed = true });
        using var notAWorkOrder = await api.Client.GetAsync($"/api/cases/{fault.Number}/checklist");
        using var noCase = await api.Client.GetAsync("/api/cases/AS-1999-000042/checklist");

        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        await Problem.AssertAsync(notAssigned, HttpStatusCode.Conflict, "number");
        await Problem.AssertAsync(notAWorkOrder, HttpStatusCode.NotFound, "number");
        await Problem.AssertAsync(noCase, HttpStatusCode.NotFound, "number");
    }

    [Fact]
    public async Task SubmittingWithRequiredItemsMissingIs422ListingThemAndNoReportExists()
    {
        var flow = Flow();
        var (number, _, _) = await flow.StartedWorkOrderAsync();
        using (var leak = await flow.AnswerAsync(number, "leak-test", new { passed = true }))
        {
            Assert.Equal(HttpStatusCode.OK, leak.StatusCode);
        }

        using var response = await flow.SubmitAsync(number);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "checklist");
        Assert.Equal(["supply-voltage"], problem.GetProperty("missingItems").EnumerateArray().Select(e => e.GetString()));
        using var report = await api.Client.GetAsync($"/api/cases/{number}/commissioning-report");
        await Problem.AssertAsync(report, HttpStatusCode.NotFound, "number");
        using var page = await api.Client.GetAsync($"/api/cases/{number}/commissioning-report.html");
        await Problem.AssertAsync(page, HttpStatusCode.NotFound, "number");
    }

    [Theory]
    [InlineData("""{}""", "signOff")]
    [InlineData("""{"signOff":{"signedAt":"2026-05-02T10:00:00Z"}}""", "signOff.name")]
    [InlineData("""{"signOff":{"name":"   ","signedAt":"2026-05-02T10:00:00Z"}}""", "signOff.name")]
    [InlineData("""{"signOff":{"name":"Wang Fang"}}""", "signOff.signedAt")]
    [InlineData("""{"signOff":{"name":"Wang Fang","signedAt":"2999-01-01T00:00:00Z"}}""", "signOff.signedAt")]
    public async Task ASignOffWithoutANameOrTimeOrInTheFutureIs400(string body, string field)
    {
        var flow = Flow();
        var (number, _, _) = await flow.StartedWorkOrderAsync();
        await flow.PassAsync(number);

        using var response = await api.PostRawAsync($"/api/cases/{number}/commissioning", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        using var report = await api.Client.GetAsync($"/api/cases/{number}/commissioning-report");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
    }

    [Fact]
    public async Task ASecondAcceptanceIs409AndTheFirstReportTheCaseAndTheChecklistStayAsTheyWere()
    {
        var flow = Flow();
        var (number, _, _) = await flow.StartedWorkOrderAsync();
        await flow.PassAsync(number);
        using var first = await flow.SubmitAsync(number);
        var report = await ApiDriver.ReadAsync<CommissioningReportResponse>(first, HttpStatusCode.Created);
        var (resolved, _) = await api.GetCaseAsync(number);
        var checklist = await flow.ChecklistAsync(number);

        using var second = await flow.SubmitAsync(number, name: "Li Lei");
        using var answer = await flow.AnswerAsync(number, "leak-test", new { passed = false });

        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "number");
        await Problem.AssertAsync(answer, HttpStatusCode.Conflict, "number");
        using var read = await api.Client.GetAsync($"/api/cases/{number}/commissioning-report");
        var kept = await ApiDriver.ReadAsync<CommissioningReportResponse>(read, HttpStatusCode.OK);
        Assert.Equal(("Wang Fang", report.SubmittedAt), (kept.SignOff.Name, kept.SubmittedAt));
        Assert.Equal(resolved.Version, (await api.GetCaseAsync(number)).Case.Version);
        Assert.Equal(checklist.Version, (await flow.ChecklistAsync(number)).Version);
    }
}
