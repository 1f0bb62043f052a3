using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Contracts;
using AfterSales.Devices;
using AfterSales.Routing;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>What a case learns from its device at open: the model's skills for routing, and the device's entitlement.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EquipmentCaseTests(ClusterFixture fixture)
{
    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task AnInstallationOfAModelGoesToTheTechnicianQualifiedForItNotToAnIdleUnqualifiedOne()
    {
        var scenario = new Scenario(fixture);
        var model = await scenario.ModelAsync(installationSkills: [new SkillRequirement("hydraulics", 3), new SkillRequirement("electrical", 2)]);
        var unqualified = await scenario.TechnicianAsync(Department.Installation, capacity: 20, skills: [new Skill("hydraulics", 5)]);
        var qualified = await scenario.TechnicianAsync(Department.Installation, capacity: 3, skills: [new Skill("hydraulics", 3), new Skill("electrical", 4)]);
        var customer = await scenario.CustomerAsync();
        var device = await scenario.DeviceAsync(customer.Id, model.Code);

        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Installation, deviceSerial: device);

        Assert.Equal(qualified, opened.AssignedTechnicianId);
        var decision = await scenario.LastDecisionAsync(opened.Number);
        Assert.Equal([new SkillRequirement("electrical", 2), new SkillRequirement("hydraulics", 3)], decision.Required.ToArray());
        Assert.Contains($"model:{model.Code}", decision.MatchedRuleIds);
        Assert.False(decision.Candidates.Single(c => c.TechnicianId == unqualified).Eligible);
    }

    [Fact]
    public async Task AMaintenanceCaseNeedsTheModelsMaintenanceSkillsAndTheRulesTogether()
    {
        var scenario = new Scenario(fixture);
        var model = await scenario.ModelAsync(
            installationSkills: [new SkillRequirement("welding", 5)], maintenanceSkills: [new SkillRequirement("hydraulics", 2)]);
        await scenario.RuleAsync(new SkillRule(Scenario.NewId("rule"), CaseType.Maintenance, model.Code, null, [new SkillRequirement("hydraulics", 4)], []));
        var customer = await scenario.CustomerAsync();
        var device = await scenario.DeviceAsync(customer.Id, model.Code);
        var technician = await scenario.TechnicianAsync(Department.Maintenance, skills: [new Skill("hydraulics", 4)]);

        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Maintenance, deviceSerial: device);

        Assert.Equal(technician, opened.AssignedTechnicianId);
        Assert.Equal([new SkillRequirement("hydraulics", 4)], (await scenario.LastDecisionAsync(opened.Number)).Required.ToArray());
    }

    [Fact]
    public async Task AFaultCaseNeedsNoModelSkills()
    {
        var scenario = new Scenario(fixture);
        var model = await scenario.ModelAsync(installationSkills: [new SkillRequirement("welding", 5)], maintenanceSkills: [new SkillRequirement("welding", 5)]);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var device = await scenario.DeviceAsync(customer.Id, model.Code);

        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Fault, deviceSerial: device);

        Assert.Equal(technician, opened.AssignedTechnicianId);
    }

    [Fact]
    public async Task ACaseRecordsTheHighestContractTierInForceAndTheWarrantyOnTheDayItOpens()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync(warrantyMonths: 24)).Code;
        var device = await scenario.DeviceAsync(customer, model, r => r with { InstalledOn = Today.AddMonths(-6) });
        var basic = await ContractAsync(customer, ContractTier.Basic, Today.AddMonths(-6), Today.AddMonths(6), device.Serial);
        var premium = await ContractAsync(customer, ContractTier.Premium, Today.AddDays(-1), Today.AddYears(1), device.Serial, new ContractCoverage(true, false, true));
        await ContractAsync(customer, ContractTier.Premium, Today.AddDays(1), Today.AddYears(2), device.Serial);

        var opened = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: device.Serial);

        Assert.NotEqual(basic, premium);
        Assert.Equal(
            new Entitlement(Today, true, device.Warranty!.End, premium, ContractTier.Premium, new ContractCoverage(true, false, true)),
            opened.Entitlement);
        Assert.True(opened.Entitlement!.Covered);
        var checkedEvent = Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.EntitlementChecked);
        Assert.Equal($"in warranty until {opened.Entitlement.WarrantyEnd:yyyy-MM-dd}; premium contract {premium} (parts, on-site)", checkedEvent.Details);
    }

    [Fact]
    public async Task AnUncoveredDeviceIsFlaggedNotRefusedAndACaseWithoutADeviceHasNoEntitlement()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync()).Code;
        var device = await scenario.DeviceAsync(customer, model, r => r with { InstalledOn = Today.AddYears(-5), WarrantyEnd = Today.AddYears(-3) });

        var uncovered = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: device.Serial);
        var deviceless = await scenario.OpenCaseAsync(customer, CaseType.Consultation);

        Assert.Equal(CaseStatus.Assigned, uncovered.Status);
        Assert.Equal((false, false, null), (uncovered.Entitlement!.Covered, uncovered.Entitlement.InWarranty, uncovered.Entitlement.ContractId));
        Assert.Equal(
            $"not covered (warranty ended {Today.AddYears(-3):yyyy-MM-dd})",
            Assert.Single(await scenario.HistoryAsync(uncovered.Number), e => e.Action == CaseEventKinds.EntitlementChecked).Details);
        Assert.Null(deviceless.Entitlement);
        Assert.DoesNotContain(await scenario.HistoryAsync(deviceless.Number), e => e.Action == CaseEventKinds.EntitlementChecked);
    }

    [Fact]
    public async Task AContractIsRegisteredOnItsDevicesAndRefusesAnotherCustomersDevice()
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var stranger = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync()).Code;
        var own = await scenario.DeviceAsync(customer, model);
        var theirs = await scenario.DeviceAsync(stranger, model);
        var refusedId = Scenario.NewId("SC");

        var refused = await fixture.Grains.GetGrain<IServiceContractGrain>(refusedId).CreateAsync(Request(customer, [own, theirs]));
        var unknown = await fixture.Grains.GetGrain<IServiceContractGrain>(refusedId).CreateAsync(Request(customer, [own, Scenario.NewId("SN")]));
        var id = await ContractAsync(customer, ContractTier.Standard, Today, Today.AddYears(1), own);

        Assert.Equal((ErrorKind.Unprocessable, "deviceSerials[1]"), (refused.Error?.Kind, refused.Error?.Field));
        Assert.Equal((ErrorKind.NotFound, "deviceSerials[1]"), (unknown.Error?.Kind, unknown.Error?.Field));
        Assert.Null(await fixture.Grains.GetGrain<IServiceContractGrain>(refusedId).GetAsync());
        var contract = Assert.Single((await scenario.Device(own).GetAsync())!.Contracts);
        Assert.Equal((id, ContractTier.Standard), (contract.ContractId, contract.Tier));
        Assert.Contains(await scenario.Device(own).GetHistoryAsync(0, 100) is { } page ? page.Events : [], e => e.Kind == DeviceEventKinds.ContractAdded);
    }

    [Fact]
    public async Task ACreateReplayedWithTheSameHashRegistersTheContractOnceMore()
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var serial = await scenario.DeviceAsync(customer, (await scenario.ModelAsync()).Code);
        var grain = fixture.Grains.GetGrain<IServiceContractGrain>(Scenario.NewId("SC"));
        var request = Request(customer, [serial]) with { RequestHash = "h1" };
        await grain.CreateAsync(request);

        var replay = await grain.CreateAsync(request);
        var other = await grain.CreateAsync(request with { RequestHash = "h2" });

        Assert.True(replay.Replayed);
        Assert.Equal(ErrorKind.Conflict, other.Error?.Kind);
        Assert.Single((await scenario.Device(serial).GetAsync())!.Contracts);
        Assert.Single((await scenario.Device(serial).GetHistoryAsync(0, 100))!.Events, e => e.Kind == DeviceEventKinds.ContractAdded);
    }

    private CreateServiceContractRequest Request(string customer, string[] serials, ContractTier tier = ContractTier.Standard,
        DateOnly? start = null, DateOnly? end = null, ContractCoverage? coverage = null) =>
        new(customer, tier, coverage ?? new ContractCoverage(true, true, true), start ?? Today, end ?? Today.AddYears(1), [.. serials], "sales-1");

    private async Task<string> ContractAsync(string customer, ContractTier tier, DateOnly start, DateOnly end, string serial, ContractCoverage? coverage = null)
    {
        var id = Scenario.NewId("SC");
        var result = await fixture.Grains.GetGrain<IServiceContractGrain>(id).CreateAsync(Request(customer, [serial], tier, start, end, coverage));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return id;
    }
}
