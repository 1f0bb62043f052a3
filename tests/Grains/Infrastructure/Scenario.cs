using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Staff;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Builds the people and cases a test needs, with ids no other test uses.</summary>
internal sealed class Scenario(ClusterFixture fixture)
{
    public IGrainFactory Grains => fixture.Grains;

    public string Region { get; } = fixture.NewRegion();

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<CustomerSnapshot> CustomerAsync(string? id = null, string? phone = null)
    {
        id ??= NewId("C");
        var request = new RegisterCustomerRequest(
            "Li Wei", phone is null ? [] : [phone], ["li.wei@example.com"], Region, CustomerTier.Standard, "zh-CN");
        var result = await Grains.GetGrain<ICustomerGrain>(id).RegisterAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task<string> TechnicianAsync(Department department, int capacity = 3, bool onShift = true)
    {
        var id = NewId("T");
        var request = new RegisterTechnicianRequest("Zhang Min", department, Region, [new Skill("hydraulics", 3)], capacity, onShift);
        var result = await Technician(id).RegisterAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return id;
    }

    public async Task<CaseSnapshot> OpenCaseAsync(
        string customerId, CaseType type = CaseType.Fault, CasePriority priority = CasePriority.Normal, string? deviceSerial = null)
    {
        var result = await TryOpenCaseAsync(customerId, type, priority, deviceSerial);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task<Result<CaseSnapshot>> TryOpenCaseAsync(
        string customerId, CaseType type = CaseType.Fault, CasePriority priority = CasePriority.Normal, string? deviceSerial = null)
    {
        var number = await Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var request = new OpenCaseRequest(customerId, type, priority, CaseChannel.Phone, "Pump leaks", "Water under the unit.", deviceSerial, "agent-1");
        return await Case(number).OpenAsync(request);
    }

    public async Task<CaseSnapshot> ApplyAsync(string number, CaseAction action, string actor = "tech-1", string? summary = null)
    {
        var result = await Case(number).ApplyAsync(new CaseCommand(action, actor, summary));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public Task<CaseSnapshot> ResolveAsync(string number) => ApplyAsync(number, CaseAction.Resolve, summary: "Replaced the seal.");

    public ICaseGrain Case(string number) => Grains.GetGrain<ICaseGrain>(number);

    public ITechnicianGrain Technician(string id) => Grains.GetGrain<ITechnicianGrain>(id);

    public IDepartmentGrain Department(Department department) =>
        Grains.GetGrain<IDepartmentGrain>(GrainKeys.DepartmentRegion(department, Region));

    public async Task<CaseSnapshot> WaitForStatusAsync(string number, CaseStatus status) =>
        (await Eventually.Until(() => Case(number).GetAsync(), c => c?.Status == status, $"case {number} is {status}"))!;

    public async Task<string[]> AssignedCasesAsync(string technicianId) =>
        [.. (await Technician(technicianId).GetAssignmentsAsync()).Select(a => a.CaseNumber)];
}
