using System.Net;
using AfterSales.Api.Departments;
using AfterSales.Cases;
using AfterSales.Routing;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>GET /api/departments/{department}/{region}</c> says why each queued case waits and lists the cases
/// nobody can take; a technician whose capacity is below a case's weight still takes it when it holds nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class DepartmentWaitingTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ACapacityOneTechnicianTakesAFaultOnceOnShiftAndTheViewSaidWhyItWaited()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("technical-support", region, onShift: false, capacity: 1);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "fault", null, null);
        Assert.Equal(CaseStatus.New, waiting.Status);

        var view = await api.GetDepartmentAsync("technical-support", region);
        var queued = Assert.Single(view.Queue);
        Assert.Equal((waiting.Number, WaitingReasonKind.NobodyOnShift, "nobody on shift (1 off shift)"),
            (queued.CaseNumber, queued.Waiting!.Kind, queued.Waiting.Detail));
        Assert.Equal(0, view.Unroutable.Count);

        using (var onShift = await api.PutAsync($"/api/technicians/{technician.Id}/presence", new { presence = "onShift" }))
        {
            Assert.Equal(HttpStatusCode.OK, onShift.StatusCode);
        }

        await ApiDriver.EventuallyAsync(async () => (await api.GetCaseAsync(waiting.Number)).Case.AssignedTechnicianId == technician.Id,
            "the weight-2 fault goes to the capacity-1 technician holding nothing");
        Assert.Empty((await api.GetDepartmentAsync("technical-support", region)).Queue);
    }

    [Fact]
    public async Task ACaseNobodyHasTheSkillsForIsListedAsUnroutableWithTheMissingSkill()
    {
        var region = app.NewRegion();
        var category = ApiDriver.Unique("welding");
        await api.PutRuleAsync(ApiDriver.Unique("needs-welding"), new { category, required = new[] { new { name = "welding", minLevel = 4 } } });
        await api.CreateTechnicianAsync("technical-support", region, [("welding", 2)]);

        var stuck = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "fault", null, category);

        DepartmentResponse? view = null;
        await ApiDriver.EventuallyAsync(async () => (view = await api.GetDepartmentAsync("technical-support", region)).Unroutable.Count == 1,
            "the department lists the case as unroutable");
        Assert.Equal([stuck.Number], view!.Unroutable.CaseNumbers);
        var waiting = Assert.Single(view.Queue).Waiting!;
        Assert.Equal(WaitingReasonKind.Unroutable, waiting.Kind);
        Assert.Equal("no technician on the roster has welding≥4", waiting.Detail);
        Assert.Equal(("welding", 4), (Assert.Single(waiting.MissingSkills).Name, waiting.MissingSkills[0].MinLevel));
        Assert.Contains(await api.GetHistoryAsync(stuck.Number), e => e.Action == CaseEventKinds.Unroutable);
    }
}
