using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Customers;
using AfterSales.Api.Departments;
using AfterSales.Api.Technicians;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The "done means": a customer in east, a technical-support technician on shift in east, then a
/// fault case is assigned to that technician, and the case, its history and the assignment can be read back.</summary>
/// <remarks>This is the only test that puts technical-support technicians on shift in east, so the routing
/// decision it asserts cannot be taken by another test's technician.</remarks>
[Collection(ApiCollection.Name)]
public sealed class WalkthroughTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AFaultCaseOfAnEastCustomerIsAssignedToTheOnShiftTechnicalSupportTechnicianInEast()
    {
        using var customerResponse = await api.PostAsync("/api/customers", new
        {
            name = "Zhang Wei",
            phones = new[] { "138 0013 8000", "+86 21 6288 8888" },
            emails = new[] { " Zhang.Wei@Example.com " },
            region = "east",
            tier = "platinum",
            language = "zh-CN",
        });
        var customer = await ApiDriver.ReadAsync<CustomerResponse>(customerResponse, HttpStatusCode.Created);
        Assert.StartsWith("C-", customer.Id, StringComparison.Ordinal);
        Assert.Equal($"/api/customers/{customer.Id}", customerResponse.Headers.Location?.OriginalString);
        Assert.Equal(["+8613800138000", "+862162888888"], customer.Phones);
        Assert.Equal(["zhang.wei@example.com"], customer.Emails);

        var technicianId = ApiDriver.Unique("T");
        using var technicianResponse = await api.PostAsync("/api/technicians",
            ApiDriver.TechnicianBody(technicianId, "technical-support", "east", onShift: true, capacity: 5));
        var technician = await ApiDriver.ReadAsync<TechnicianResponse>(technicianResponse, HttpStatusCode.Created);
        Assert.Equal(Department.TechnicalSupport, technician.Department);
        Assert.True(technician.OnShift);

        using var caseResponse = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id, type: "fault"), ("X-Actor", "agent.amy"));
        var opened = await ApiDriver.ReadAsync<CaseResponse>(caseResponse, HttpStatusCode.Created);
        Assert.Equal(CaseStatus.Assigned, opened.Status);
        Assert.Equal(technicianId, opened.AssignedTechnicianId);
        Assert.Equal(Department.TechnicalSupport, opened.Department);
        Assert.Equal("east", opened.Region);
        Assert.Equal($"/api/cases/{opened.Number}", caseResponse.Headers.Location?.OriginalString);
        Assert.Equal($"\"{opened.Version}\"", caseResponse.Headers.ETag?.Tag);

        var (read, _) = await api.GetCaseAsync(opened.Number);
        Assert.Equal(opened with { }, read, CaseComparer);

        var history = (await ApiDriver.ReadAsync<CaseHistoryResponse>(
            await api.Client.GetAsync($"/api/cases/{opened.Number}/history"), HttpStatusCode.OK)).Events;
        Assert.NotEmpty(history);
        Assert.Equal(history.Select(e => e.Sequence).Order(), history.Select(e => e.Sequence));
        Assert.Equal("agent.amy", history[0].Actor);
        Assert.Equal(CaseStatus.Assigned, history[^1].To);

        var assignments = await ApiDriver.ReadAsync<AssignmentResponse[]>(
            await api.Client.GetAsync($"/api/technicians/{technicianId}/assignments"), HttpStatusCode.OK);
        Assert.Equal([opened.Number], assignments.Select(a => a.CaseNumber));
        Assert.Equal(CaseType.Fault, assignments[0].Type);

        var cases = await ApiDriver.ReadAsync<CaseSummaryResponse[]>(
            await api.Client.GetAsync($"/api/customers/{customer.Id}/cases"), HttpStatusCode.OK);
        Assert.Equal([opened.Number], cases.Select(c => c.Number));

        var department = await ApiDriver.ReadAsync<DepartmentResponse>(
            await api.Client.GetAsync("/api/departments/technical-support/east"), HttpStatusCode.OK);
        Assert.Contains(department.Roster, entry => entry.TechnicianId == technicianId && entry.Load > 0);

        var found = await ApiDriver.ReadAsync<CustomerLookupResponse>(
            await api.Client.GetAsync("/api/customers/lookup?phone=%2B86%20138%200013%208000"), HttpStatusCode.OK);
        Assert.Equal("+8613800138000", found.Phone);
        Assert.Contains(found.Customers, c => c.Id == customer.Id);
    }

    [Fact]
    public async Task EveryDepartmentOfEveryRegionIsListed()
    {
        var departments = await ApiDriver.ReadAsync<DepartmentResponse[]>(await api.Client.GetAsync("/api/departments"), HttpStatusCode.OK);

        Assert.Equal(ApiApplication.Regions.Count * 4, departments.Length);
        Assert.Contains(departments, d => d.Department == Department.Maintenance && d.Region == "south");
        Assert.Contains(departments, d => d.Department == Department.Installation && d.Region == ApiApplication.Regions[^1]);
    }

    private static readonly IEqualityComparer<CaseResponse> CaseComparer = EqualityComparer<CaseResponse>.Create(
        (a, b) => a!.Number == b!.Number && a.Status == b.Status && a.Version == b.Version
            && a.AssignedTechnicianId == b.AssignedTechnicianId && a.Subject == b.Subject);
}
