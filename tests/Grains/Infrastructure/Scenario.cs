using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Departments;
using AfterSales.Devices;
using AfterSales.Installation;
using AfterSales.Models;
using AfterSales.Routing;
using AfterSales.Sla;
using AfterSales.Technicians;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Builds the people and cases a test needs, with ids no other test uses.</summary>
internal sealed class Scenario(ClusterFixture fixture, string? region = null)
{
    public IGrainFactory Grains => fixture.Grains;

    public string Region { get; } = region ?? fixture.NewRegion();

    /// <summary>The model of the devices installation cases are opened for when the test names none.</summary>
    private Task<string>? _installedModel;

    public IRoutingPolicyGrain Policy => Grains.GetGrain<IRoutingPolicyGrain>(GrainKeys.RoutingPolicy);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Gives the region a calendar that works around the clock in UTC, so business time equals calendar time
    /// wherever the shared clock stands.</summary>
    public async Task AroundTheClockAsync()
    {
        WeeklyHours[] week = [new([.. Enum.GetValues<DayOfWeek>()], new WorkingHours(0, 24 * 60))];
        var result = await Grains.GetGrain<IBusinessCalendarGrain>(Region)
            .ReplaceAsync(new ReplaceBusinessCalendarRequest(new BusinessCalendarDefinition("UTC", [.. week], [])));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public async Task<CustomerSnapshot> CustomerAsync(string? id = null, string? phone = null)
    {
        id ??= NewId("C");
        var request = new RegisterCustomerRequest(
            "Li Wei", phone is null ? [] : [phone], ["li.wei@example.com"], Region, CustomerTier.Standard, "zh-CN");
        var result = await Grains.GetGrain<ICustomerGrain>(id).RegisterAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task<string> TechnicianAsync(Department department, int capacity = 3, bool onShift = true, Skill[]? skills = null, string? id = null)
    {
        id ??= NewId("T");
        var request = new RegisterTechnicianRequest("Zhang Min", department, Region, [.. skills ?? [new Skill("hydraulics", 3)]], capacity, onShift);
        var result = await Technician(id).RegisterAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return id;
    }

    public async Task<CaseSnapshot> OpenCaseAsync(
        string customerId, CaseType type = CaseType.Fault, CasePriority priority = CasePriority.Normal, string? deviceSerial = null,
        string? category = null, string? number = null)
    {
        var result = await TryOpenCaseAsync(customerId, type, priority, deviceSerial, category, number);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    /// <summary>Opens a case under <paramref name="number"/> (from <see cref="NewCaseNumberAsync"/>, for a test that
    /// arms a watch on the case before it opens), or under the next number.</summary>
    public async Task<Result<CaseSnapshot>> TryOpenCaseAsync(
        string customerId, CaseType type = CaseType.Fault, CasePriority priority = CasePriority.Normal, string? deviceSerial = null,
        string? category = null, string? number = null)
    {
        number ??= await NewCaseNumberAsync();
        if (type == CaseType.Installation && deviceSerial is null)
        {
            // An installation work order is about a device: a new one of the scenario's model.
            deviceSerial = await DeviceAsync(customerId, await LazyInitializer.EnsureInitialized(ref _installedModel, async () => (await ModelAsync()).Code));
        }
        var request = new OpenCaseRequest(customerId, type, priority, CaseChannel.Phone, "Pump leaks", "Water under the unit.", deviceSerial, "agent-1")
        {
            Category = category,
            // An installation work order needs the window agreed with the customer.
            InstallationWindow = type == CaseType.Installation ? Tomorrow() : null,
        };
        return await Case(number).OpenAsync(request);
    }

    /// <summary>A case for a new customer each time (so customer affinity does not steer it).</summary>
    public async Task<CaseSnapshot> OpenForNewCustomerAsync(
        CaseType type = CaseType.Fault, CasePriority priority = CasePriority.Normal, string? category = null, string? number = null) =>
        await OpenCaseAsync((await CustomerAsync()).Id, type, priority, category: category, number: number);

    public Task<string> NewCaseNumberAsync() => Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();

    /// <summary>Defines a product model (a new code unless given) and makes both silos see it.</summary>
    public async Task<ProductModel> ModelAsync(
        string? code = null, SkillRequirement[]? installationSkills = null, SkillRequirement[]? maintenanceSkills = null, int warrantyMonths = 24)
    {
        code ??= NewId("M");
        var request = new DefineProductModelRequest(
            $"Model {code}", [.. installationSkills ?? []], [.. maintenanceSkills ?? []],
            [new ChecklistItemTemplate("supply-voltage", "Measure the supply voltage", ChecklistItemKind.Measurement, "V", 210, 240, true)],
            [new MaintenancePlanTemplate("annual", "Annual service", 365, ["Clean the filter"], 60)],
            [new FaultCode("E42", "Low pressure", [])],
            warrantyMonths, "catalogue-admin");
        var result = await Grains.GetGrain<IProductModelGrain>(code).DefineAsync(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        await fixture.RefreshModelAsync(code);
        return result.Value!;
    }

    /// <summary>Registers a device of <paramref name="model"/>, defining the model first when no test has.</summary>
    /// <summary>A new model with <paramref name="plans"/> (seen by both silos) and a device of it, in service since
    /// <paramref name="installedOn"/>.</summary>
    public async Task<(string Model, string Serial)> MaintainedDeviceAsync(string customerId, DateOnly installedOn, params MaintenancePlanTemplate[] plans)
    {
        var code = NewId("M");
        var defined = await Grains.GetGrain<IProductModelGrain>(code).DefineAsync(new DefineProductModelRequest(
            $"Model {code}", [], [], [], [.. plans], [], 24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        return (code, (await DeviceAsync(customerId, code, r => r with { InstalledOn = installedOn })).Serial);
    }

    /// <summary>Registers a device of <paramref name="model"/> (which must exist) as the request says.</summary>
    public async Task<DeviceSnapshot> DeviceAsync(string customerId, string model, Func<RegisterDeviceRequest, RegisterDeviceRequest> shape)
    {
        var result = await Grains.GetGrain<IDeviceGrain>(NewId("SN")).RegisterAsync(shape(new RegisterDeviceRequest(model, customerId, null, null, null)));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public IDeviceGrain Device(string serial) => Grains.GetGrain<IDeviceGrain>(serial);

    public async Task<string> DeviceAsync(string customerId, string model)
    {
        if (await Grains.GetGrain<IProductModelGrain>(model).GetAsync() is null)
        {
            await ModelAsync(model);
        }
        var serial = NewId("SN");
        var result = await Grains.GetGrain<IDeviceGrain>(serial).RegisterAsync(new RegisterDeviceRequest(model, customerId, null, null, null));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return serial;
    }

    /// <summary>An installation work order for a new device of <paramref name="model"/> (a new model unless given), in a
    /// window agreed for tomorrow.</summary>
    public async Task<CaseSnapshot> OpenWorkOrderAsync(string customerId, string? model = null)
    {
        model ??= (await ModelAsync()).Code;
        var serial = await DeviceAsync(customerId, model);
        var number = await Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var result = await Case(number).OpenAsync(new OpenCaseRequest(
            customerId, CaseType.Installation, CasePriority.Normal, CaseChannel.Phone, "Install the unit", "Window agreed on the phone.", serial, "agent-1")
        {
            InstallationWindow = Tomorrow(),
        });
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    /// <summary>An installation window of four hours, tomorrow on the grains' clock.</summary>
    public InstallationWindow Tomorrow()
    {
        var start = fixture.Clock.GetUtcNow().AddDays(1);
        return new InstallationWindow(start, start.AddHours(4));
    }

    /// <summary>Adds a skill rule to the shared policy (rules of a test name a category or model no other test uses)
    /// and makes both silos see it.</summary>
    public async Task RuleAsync(SkillRule rule)
    {
        var result = await Policy.PutRuleAsync(new PutSkillRuleRequest(rule));
        Assert.True(result.IsSuccess, result.Error?.Message);
        await fixture.RefreshPoliciesAsync();
    }

    /// <summary>Sets this region's strategy for a department and makes both silos see it.</summary>
    public async Task StrategyAsync(Department department, RoutingStrategy strategy)
    {
        var result = await Policy.SetStrategyAsync(new SetDepartmentStrategyRequest(department, Region, strategy));
        Assert.True(result.IsSuccess, result.Error?.Message);
        await fixture.RefreshPoliciesAsync();
    }

    /// <summary>Gives this region neighbour regions for overflow and makes both silos see it.</summary>
    public async Task NeighboursAsync(params string[] neighbours)
    {
        var result = await Policy.SetNeighboursAsync(new SetRegionNeighboursRequest(Region, [.. neighbours]));
        Assert.True(result.IsSuccess, result.Error?.Message);
        await fixture.RefreshPoliciesAsync();
    }

    public async Task<TechnicianSnapshot> PresenceAsync(string technicianId, Presence presence)
    {
        var result = await Technician(technicianId).SetPresenceAsync(new SetPresenceRequest(presence));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task<RoutingDecision> LastDecisionAsync(string number) =>
        (await Case(number).GetRoutingAsync())!.Decisions[^1];

    public async Task<CaseEvent[]> HistoryAsync(string number) => [.. (await Case(number).ReadAllAsync())!.Value];

    public async Task<string[]> QueueAsync(Department department) =>
        [.. (await Department(department).GetAsync()).Queue.Select(q => q.CaseNumber)];

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

    /// <summary>Reads the case until it has <paramref name="status"/>, settling its department between reads instead
    /// of waiting on the clock: every shard of the case's department-region reconciles (re-reads its technicians, so a
    /// push still in flight is taken in) and reviews its queue (drains it now, handing each case over before it
    /// answers). A case that does not reach the status after a few rounds fails the test.</summary>
    public async Task<CaseSnapshot> WaitForStatusAsync(string number, CaseStatus status)
    {
        const int Rounds = 4;
        CaseSnapshot? read = null;
        for (var round = 0; round < Rounds; round++)
        {
            read = await Case(number).GetAsync();
            if (read?.Status == status)
            {
                return read;
            }
            if (read is not null)
            {
                await SettleAsync(read.Department, read.Region);
            }
        }
        Assert.Fail($"Case {number} is {read?.Status.ToString() ?? "missing"}, not {status}, after {Rounds} settled reads.");
        return read!;
    }

    /// <summary>Every shard of a department-region reconciles and then reviews its queue: a barrier for what the
    /// department would otherwise do in timer turns of its own (take in pushes, drain, take returned cases back).</summary>
    public async Task SettleAsync(Department department, string region)
    {
        foreach (var key in fixture.Shards.AllOf(department, region))
        {
            var grain = Grains.GetGrain<IDepartmentGrain>(key);
            await grain.ReconcileAsync();
            await grain.ReviewQueueAsync();
        }
    }

    /// <summary>The department's view once it has re-read every technician on its roster: a barrier for the status
    /// pushes technicians coalesce and send one-way (a push still in flight carries nothing newer).</summary>
    public async Task<DepartmentSnapshot> ReconciledViewAsync(Department department)
    {
        var grain = Department(department);
        await grain.ReconcileAsync();
        return await grain.GetAsync();
    }

    public async Task<string[]> AssignedCasesAsync(string technicianId) =>
        [.. (await Technician(technicianId).GetAssignmentsAsync()).Select(a => a.CaseNumber)];
}
