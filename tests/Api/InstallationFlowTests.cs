using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Customers;
using AfterSales.Api.Devices;
using AfterSales.Api.Installation;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Installation;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The whole installation as a newcomer runs it: a model, an installer, a shipment with a window, the work
/// order it opens, the checklist, the commissioning and the report — accepted and failed.</summary>
[Collection(ApiCollection.Name)]
public sealed class InstallationFlowTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AShippedDeviceIsInstalledCommissionedAndAcceptedIntoServiceWithAPrintableReport()
    {
        var flow = new InstallationDriver(api, app.NewRegion());
        var installer = await flow.InstallerAsync();
        var customer = await api.CreateCustomerAsync(flow.Region);
        var model = await flow.ModelAsync();
        var serial = ApiDriver.Unique("SN");

        // 1. The shipment registers the device and opens its work order, routed to the installer with the model's skill.
        using var shipped = await api.PostAsync("/api/shipments",
            InstallationDriver.Shipment(customer.Id, model, [serial], InstallationDriver.Window(), id: ApiDriver.Unique("SH")), ("Idempotency-Key", ApiDriver.Unique("k")));
        var shipment = await ApiDriver.ReadAsync<ShipmentResponse>(shipped, HttpStatusCode.Created);
        Assert.Equal($"/api/shipments/{shipment.Id}", shipped.Headers.Location?.OriginalString);
        Assert.Equal(ShipmentStatus.Completed, shipment.Status);
        var number = Assert.Single(shipment.Devices).WorkOrderNumber!;
        using (var read = await api.Client.GetAsync($"/api/shipments/{shipment.Id}"))
        {
            Assert.Equal(number, (await ApiDriver.ReadAsync<ShipmentResponse>(read, HttpStatusCode.OK)).Devices[0].WorkOrderNumber);
        }
        var (workOrder, _) = await api.GetCaseAsync(number);
        Assert.Equal((CaseType.Installation, Department.Installation, CaseStatus.Assigned, installer), (workOrder.Type, workOrder.Department, workOrder.Status, workOrder.AssignedTechnicianId));
        Assert.Equal((serial, shipment.Id), (workOrder.DeviceSerial, workOrder.ShipmentId));
        Assert.NotNull(workOrder.InstallationWindow);
        Assert.Equal(DeviceStatus.Shipped, (await DeviceAsync(serial)).Status);

        // 2. The installer starts and works through the checklist, guarding each answer with the checklist's ETag.
        using (var start = await api.PostAsync($"/api/cases/{number}/start", new { }, ("X-Actor", installer)))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }
        using var checklistRead = await api.Client.GetAsync($"/api/cases/{number}/checklist");
        var checklist = await ApiDriver.ReadAsync<ChecklistResponse>(checklistRead, HttpStatusCode.OK);
        Assert.Equal(["supply-voltage", "leak-test"], checklist.Items.Select(i => i.Id));
        Assert.Equal(new ChecklistProgressResponse(2, 0, 2, 0, 0, 0), checklist.Progress);
        using var measured = await flow.AnswerAsync(number, "supply-voltage",
            new { value = 229.5, unit = "V", photos = new[] { "https://photos.example.com/terminal.jpg" }, note = "At the main terminal." },
            ("If-Match", checklistRead.Headers.ETag!.Tag), ("X-Actor", installer));
        var afterMeasure = await ApiDriver.ReadAsync<ChecklistResponse>(measured, HttpStatusCode.OK);
        Assert.Equal($"\"{afterMeasure.Version}\"", measured.Headers.ETag?.Tag);
        using var checkedLeak = await flow.AnswerAsync(number, "leak-test", new { passed = true }, ("If-Match", measured.Headers.ETag!.Tag), ("X-Actor", installer));
        Assert.Equal(new ChecklistProgressResponse(2, 2, 2, 2, 2, 0), (await ApiDriver.ReadAsync<ChecklistResponse>(checkedLeak, HttpStatusCode.OK)).Progress);

        // 3. The customer signs off: the report is stored, the device enters service and the work order is resolved.
        using var submitted = await flow.SubmitAsync(number, headers: [("Idempotency-Key", ApiDriver.Unique("k")), ("X-Actor", installer)]);
        var report = await ApiDriver.ReadAsync<CommissioningReportResponse>(submitted, HttpStatusCode.Created);
        Assert.Equal($"/api/cases/{number}/commissioning-report", submitted.Headers.Location?.OriginalString);
        Assert.Equal((CommissioningVerdict.Pass, installer, "Wang Fang", true), (report.Outcome, report.TechnicianId, report.SignOff.Name, report.Completed));
        Assert.Equal(229.5m, Assert.Single(report.Measurements).Value);
        Assert.Empty(report.Deviations);
        var device = await DeviceAsync(serial);
        Assert.Equal(DeviceStatus.InService, device.Status);
        var (resolved, _) = await api.GetCaseAsync(number);
        Assert.Equal(CaseStatus.Resolved, resolved.Status);

        // 4. The report reads back as JSON and as a printable page.
        using var json = await api.Client.GetAsync($"/api/cases/{number}/commissioning-report");
        Assert.Equal(report, await ApiDriver.ReadAsync<CommissioningReportResponse>(json, HttpStatusCode.OK), ReportComparer.Instance);
        var page = await HtmlAsync($"/api/cases/{number}/commissioning-report", accept: "text/html,application/xhtml+xml,*/*;q=0.8");
        Assert.Contains("PASSED", page, StringComparison.Ordinal);
        Assert.Contains("229.5 V", page, StringComparison.Ordinal);
        Assert.Equal(page, await HtmlAsync($"/api/cases/{number}/commissioning-report.html"));
    }

    [Fact]
    public async Task AFailedCommissioningLeavesTheDeviceInstalledAndOpensAFaultCaseLinkedToTheWorkOrder()
    {
        var flow = new InstallationDriver(api, app.NewRegion());
        var (number, serial, _) = await flow.StartedWorkOrderAsync();
        using (var deviation = await flow.AnswerAsync(number, "supply-voltage",
            new { value = 251, unit = "V", deviation = true, note = "Grid runs high. <script>alert('x')</script>" }))
        {
            Assert.Equal(HttpStatusCode.OK, deviation.StatusCode);
        }
        using (var leak = await flow.AnswerAsync(number, "leak-test", new { passed = false, note = "Drips at the flange." }))
        {
            Assert.Equal(HttpStatusCode.OK, leak.StatusCode);
        }

        using var submitted = await flow.SubmitAsync(number);

        var report = await ApiDriver.ReadAsync<CommissioningReportResponse>(submitted, HttpStatusCode.Created);
        Assert.Equal(CommissioningVerdict.Fail, report.Outcome);
        Assert.Equal(["supply-voltage", "leak-test"], report.Deviations.Select(d => d.ItemId));
        Assert.Equal("251 V, expected 210 to 240 V", report.Deviations[0].Finding);
        var (fault, _) = await api.GetCaseAsync(report.FaultCaseNumber!);
        Assert.Equal((CaseType.Fault, Department.TechnicalSupport, serial), (fault.Type, fault.Department, fault.DeviceSerial));
        Assert.Equal([new RelatedCaseResponse(number, CaseRelations.InstallationWorkOrder)], fault.RelatedCases);
        var (workOrder, _) = await api.GetCaseAsync(number);
        Assert.Equal([new RelatedCaseResponse(fault.Number, CaseRelations.CommissioningFault)], workOrder.RelatedCases);
        Assert.Equal(CaseStatus.Resolved, workOrder.Status);
        Assert.NotEqual(DeviceStatus.InService, (await DeviceAsync(serial)).Status);
        var page = await HtmlAsync($"/api/cases/{number}/commissioning-report.html");
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains(fault.Number, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentOpensAWorkOrderForARegisteredDeviceWithAWindowAndItIsRoutedToTheInstaller()
    {
        var flow = new InstallationDriver(api, app.NewRegion());
        var installer = await flow.InstallerAsync();
        var customer = await api.CreateCustomerAsync(flow.Region);
        var device = await api.CreateDeviceAsync(customer.Id, await flow.ModelAsync());

        using var response = await api.PostAsync("/api/cases", new
        {
            customerId = customer.Id,
            type = "installation",
            priority = "normal",
            channel = "phone",
            subject = "Install the heat pump",
            description = "Customer asked for a morning visit.",
            deviceSerial = device.Serial,
            installationWindow = InstallationDriver.Window(),
        });

        var opened = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
        Assert.Equal((installer, Department.Installation), (opened.AssignedTechnicianId, opened.Department));
        Assert.NotNull(opened.InstallationWindow);
        Assert.Equal(2, (await flow.ChecklistAsync(opened.Number)).Items.Count);
    }

    [Fact]
    public async Task AShipmentRetriedWithItsKeyAnswersTheSameShipmentAndOpensNoSecondWorkOrder()
    {
        var flow = new InstallationDriver(api, app.NewRegion());
        var customer = await api.CreateCustomerAsync(flow.Region);
        var body = InstallationDriver.Shipment(customer.Id, await flow.ModelAsync(), [ApiDriver.Unique("SN"), ApiDriver.Unique("SN")], InstallationDriver.Window());
        var key = ApiDriver.Unique("k");

        using var first = await api.PostAsync("/api/shipments", body, ("Idempotency-Key", key));
        using var again = await api.PostAsync("/api/shipments", body, ("Idempotency-Key", key));

        var created = await ApiDriver.ReadAsync<ShipmentResponse>(first, HttpStatusCode.Created);
        var replayed = await ApiDriver.ReadAsync<ShipmentResponse>(again, HttpStatusCode.Created);
        Assert.StartsWith("SH-", created.Id, StringComparison.Ordinal);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(created.Id, replayed.Id);
        Assert.Equal(created.Devices.Select(d => d.WorkOrderNumber), replayed.Devices.Select(d => d.WorkOrderNumber));
        using var listed = await api.Client.GetAsync($"/api/customers/{customer.Id}/cases");
        var cases = await ApiDriver.ReadAsync<CaseSummaryResponse[]>(listed, HttpStatusCode.OK);
        Assert.Equal(created.Devices.Select(d => d.WorkOrderNumber).Order(), cases.Select(c => c.Number).Order());
    }

    private async Task<DeviceResponse> DeviceAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}");
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.OK);
    }

    private async Task<string> HtmlAsync(string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var response = await api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        return body;
    }

    /// <summary>Reports compare by their JSON: their lists compare by reference otherwise.</summary>
    private static class ReportComparer
    {
        public static readonly IEqualityComparer<CommissioningReportResponse> Instance = EqualityComparer<CommissioningReportResponse>.Create(
            (x, y) => System.Text.Json.JsonSerializer.Serialize(x, ApiDriver.Json) == System.Text.Json.JsonSerializer.Serialize(y, ApiDriver.Json),
            _ => 0);
    }
}
