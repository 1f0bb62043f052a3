using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain.Devices;
using AfterSales.Reliability;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A device's life driven by its cases and its installation work order, recorded in its history.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeviceLifecycleTests(ClusterFixture fixture)
{
    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A customer with a device in service, and technicians on shift in technical support and maintenance.</summary>
    private async Task<(Scenario Scenario, string Customer, string Serial)> InServiceAsync()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 10);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync()).Code;
        var device = await scenario.DeviceAsync(customer, model, r => r with { InstalledOn = Today.AddDays(-30) });
        return (scenario, customer, device.Serial);
    }

    private static async Task<DeviceEvent[]> HistoryAsync(Scenario scenario, string serial) =>
        [.. (await scenario.Device(serial).GetHistoryAsync(0, 1000))!.Events];

    [Fact]
    public async Task ADeviceOfAnUnknownModelIsNotFoundOnModelAndNothingIsStored()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var serial = Scenario.NewId("SN");

        var result = await scenario.Device(serial).RegisterAsync(new RegisterDeviceRequest(Scenario.NewId("HX"), customer.Id, null, null, null));

        Assert.Equal((ErrorKind.NotFound, "model"), (result.Error?.Kind, result.Error?.Field));
        Assert.Null(await scenario.Device(serial).GetAsync());
        Assert.Empty((await scenario.Grains.GetGrain<ICustomerGrain>(customer.Id).GetAsync())!.Devices);
    }

    [Fact]
    public async Task ADeviceTurnsFaultyWithAFaultCaseAndBackInServiceWhenItsCasesEnd()
    {
        var (scenario, customer, serial) = await InServiceAsync();

        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        var faulty = await scenario.Device(serial).GetAsync();
        var visit = await scenario.OpenCaseAsync(customer, CaseType.Maintenance, deviceSerial: serial);
        var stillFaulty = await scenario.Device(serial).GetAsync();
        await scenario.ApplyAsync(fault.Number, CaseAction.Start);
        await scenario.ResolveAsync(fault.Number);
        var underMaintenance = await scenario.Device(serial).GetAsync();
        await scenario.ApplyAsync(visit.Number, CaseAction.Cancel, actor: "agent-7");
        var back = await scenario.Device(serial).GetAsync();

        Assert.Equal((DeviceStatus.Faulty, fault.Number), (faulty!.Status, Assert.Single(faulty.OpenCases)));
        Assert.Equal(DeviceStatus.Faulty, stillFaulty!.Status);
        Assert.Equal((DeviceStatus.UnderMaintenance, visit.Number), (underMaintenance!.Status, Assert.Single(underMaintenance.OpenCases)));
        Assert.Equal((DeviceStatus.InService, 0), (back!.Status, back.OpenCases.Length));
        var history = await HistoryAsync(scenario, serial);
        Assert.Equal(
            [
                (DeviceEventKinds.Registered, (DeviceStatus?)null, (DeviceStatus?)DeviceStatus.InService),
                (DeviceEventKinds.CaseOpened, DeviceStatus.InService, DeviceStatus.Faulty),
                (DeviceEventKinds.CaseOpened, DeviceStatus.Faulty, DeviceStatus.Faulty),
                (DeviceEventKinds.CaseEnded, DeviceStatus.Faulty, DeviceStatus.UnderMaintenance),
                (DeviceEventKinds.CaseEnded, DeviceStatus.UnderMaintenance, DeviceStatus.InService),
            ],
            history.Select(e => (e.Kind, e.From, e.To)));
        Assert.Equal("agent-7", history[^1].Actor);
        Assert.Equal($"maintenance case {visit.Number} ended", history[^1].Details);
        Assert.Equal([1, 2, 3, 4, 5], history.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AReopenedFaultCaseMakesTheDeviceFaultyAgain()
    {
        var (scenario, customer, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        await scenario.ApplyAsync(fault.Number, CaseAction.Start);
        await scenario.ResolveAsync(fault.Number);

        await scenario.ApplyAsync(fault.Number, CaseAction.Reopen);

        Assert.Equal(DeviceStatus.Faulty, (await scenario.Device(serial).GetAsync())!.Status);
    }

    [Fact]
    public async Task AReplayedOpenAndARepeatedNoticeAreTakenOnce()
    {
        var (scenario, customer, serial) = await InServiceAsync();
        var number = await scenario.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var request = new OpenCaseRequest(customer, CaseType.Fault, CasePriority.Normal, CaseChannel.Phone, "Noise", "Loud.", serial, "agent-1")
        {
            RequestHash = "h-open",
        };
        await scenario.Case(number).OpenAsync(request);

        var replay = await scenario.Case(number).OpenAsync(request);
        var opened = replay.Value!;
        await scenario.Device(serial).OnCaseNoticeAsync(new DeviceCaseNotice(
            new CaseWorkFact(number, serial, CaseType.Fault, opened.Status, opened.CreatedAt, null, 0, 0, null, 0, opened.Version),
            "technical-support", opened.Region, fixture.Clock.GetUtcNow(), "agent-1"));

        Assert.True(replay.Replayed);
        Assert.Single(await HistoryAsync(scenario, serial), e => e.Kind == DeviceEventKinds.CaseOpened);
    }

    [Fact]
    public async Task DecommissioningWaitsForOpenFaultCasesAndChecksTheVersion()
    {
        var (scenario, customer, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        var device = scenario.Device(serial);

        var blocked = await device.DecommissionAsync("Replaced by a newer unit", "manager-1", null);
        await scenario.ApplyAsync(fault.Number, CaseAction.Cancel);
        var version = (await device.GetAsync())!.Version;
        var stale = await device.DecommissionAsync("Replaced by a newer unit", "manager-1", version - 1);
        var done = await device.DecommissionAsync("Replaced by a newer unit", "manager-1", version);
        var again = await device.DecommissionAsync("Twice", "manager-1", null);

        Assert.Equal(ErrorKind.Conflict, blocked.Error?.Kind);
        Assert.Contains(fault.Number, blocked.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal((DeviceStatus.Decommissioned, version + 1), (done.Value!.Status, done.Value.Version));
        Assert.Equal(ErrorKind.Conflict, again.Error?.Kind);
        var last = (await HistoryAsync(scenario, serial))[^1];
        Assert.Equal((DeviceEventKinds.Decommissioned, "manager-1", "Replaced by a newer unit"), (last.Kind, last.Actor, last.Details));
    }

    [Fact]
    public async Task AShippedDeviceIsInstalledThenFailsThenPassesCommissioningWithItsBaselineAndWarranty()
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync(warrantyMonths: 12)).Code;
        var shipped = await scenario.DeviceAsync(customer, model, r => r with { ShippedOn = Today.AddDays(-10), ShipmentId = "SHP-1" });
        var device = scenario.Device(shipped.Serial);
        var now = fixture.Clock.GetUtcNow();

        var installed = await device.MarkInstalledAsync("WO-1", now, "tech-1");
        var installedAgain = await device.MarkInstalledAsync("WO-1", now, "tech-1");
        var failed = await device.CommissionAsync(new CommissioningOutcome("WO-1", false, now, "tech-1", [], "tech-1"));
        var passed = await device.CommissionAsync(new CommissioningOutcome("WO-2", true, now, "tech-2", [new BaselineValue("supply-voltage", 229.5m, "V")], "tech-2"));
        var repeat = await device.CommissionAsync(new CommissioningOutcome("WO-2", true, now, "tech-2", [], "tech-2"));
        var second = await device.CommissionAsync(new CommissioningOutcome("WO-3", true, now, "tech-3", [], "tech-3"));

        Assert.Equal((DeviceStatus.Shipped, "SHP-1"), (shipped.Status, shipped.ShipmentId));
        Assert.Equal((DeviceStatus.Installed, Today), (installed.Value!.Status, installed.Value.InstalledOn));
        Assert.True(installedAgain.Replayed);
        Assert.Equal(DeviceStatus.Installed, failed.Value!.Status);
        Assert.Equal((DeviceStatus.InService, "WO-2"), (passed.Value!.Status, passed.Value.CommissionedBy));
        Assert.Equal(new BaselineValue("supply-voltage", 229.5m, "V"), Assert.Single(passed.Value.Baseline));
        Assert.Equal(new WarrantyTerm(Today, WarrantyRule.LastDay(Today, 12), "acceptance"), passed.Value.Warranty);
        Assert.True(repeat.Replayed);
        Assert.Equal(ErrorKind.Conflict, second.Error?.Kind);
        Assert.Equal(
            [DeviceEventKinds.Registered, DeviceEventKinds.Installed, DeviceEventKinds.CommissioningFailed, DeviceEventKinds.Commissioned],
            (await HistoryAsync(scenario, shipped.Serial)).Select(e => e.Kind));
    }

    [Fact]
    public async Task AShippedDevicesWarrantyStartsAtTheGracesEndWhenCommissioningComesLater()
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync(warrantyMonths: 24)).Code;

        var device = await scenario.DeviceAsync(customer, model, r => r with { ShippedOn = Today.AddDays(-200) });

        Assert.Equal(new WarrantyTerm(Today.AddDays(-110), WarrantyRule.LastDay(Today.AddDays(-110), 24), "shipment"), device.Warranty);
        Assert.True((await scenario.Device(device.Serial).GetEntitlementAsync(Today))!.InWarranty);
    }

    [Fact]
    public async Task HistoryPagesFollowTheSequence()
    {
        var (scenario, customer, serial) = await InServiceAsync();
        await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        await scenario.OpenCaseAsync(customer, CaseType.Maintenance, deviceSerial: serial);

        var first = await scenario.Device(serial).GetHistoryAsync(0, 2);
        var rest = await scenario.Device(serial).GetHistoryAsync(2, 2);

        Assert.Equal([1, 2], first!.Events.Select(e => e.Sequence));
        Assert.Equal(3, first.LastSequence);
        Assert.Equal([3], rest!.Events.Select(e => e.Sequence));
        Assert.Null(await scenario.Device(Scenario.NewId("SN")).GetHistoryAsync(0, 10));
    }
}
