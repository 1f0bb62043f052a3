using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Installation;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ShipmentGrainTests(ClusterFixture fixture)
{
    private IShipmentGrain Shipment(string id) => fixture.Grains.GetGrain<IShipmentGrain>(id);

    private ShipRequest Request(string customerId, string model, int devices = 2, bool window = true) => new(
        customerId, "Plant 3, Hall B", new DateOnly(2026, 5, 2),
        [.. Enumerable.Range(0, devices).Select(_ => new ShipmentDevice(Scenario.NewId("SN"), model))],
        window ? new InstallationWindow(fixture.Clock.GetUtcNow().AddDays(3), fixture.Clock.GetUtcNow().AddDays(3).AddHours(8)) : null,
        "logistics")
    {
        RequestHash = Scenario.NewId("hash"),
    };

    [Fact]
    public async Task AShipmentRegistersEveryDeviceAsShippedAndOpensOneRoutedWorkOrderPerDeviceInItsWindow()
    {
        var orders = new WorkOrders(fixture);
        var installer = await orders.Scenario.TechnicianAsync(Department.Installation, capacity: 9);
        var customer = await orders.Scenario.CustomerAsync();
        var request = Request(customer.Id, await orders.ModelAsync());
        var id = Scenario.NewId("SH");

        var shipped = (await Shipment(id).ShipAsync(request)).Value!;

        Assert.Equal(ShipmentStatus.Completed, shipped.Status);
        Assert.Equal(request.Devices.Select(d => d.Serial), shipped.Devices.Select(d => d.Serial));
        Assert.All(shipped.Devices, line => Assert.True(line.Registered && line.WorkOrderOpened && line.Problem is null));
        foreach (var line in shipped.Devices)
        {
            var device = (await fixture.Grains.GetGrain<IDeviceGrain>(line.Serial).GetAsync())!;
            Assert.Equal((DeviceStatus.Shipped, customer.Id, "Plant 3, Hall B"), (device.Status, device.CustomerId, device.Site));
            Assert.Equal((id, new DateOnly(2026, 5, 2)), (device.ShipmentId, device.ShippedOn));
            var workOrder = (await fixture.Grains.GetGrain<ICaseGrain>(line.WorkOrderNumber!).GetAsync())!;
            Assert.Equal((CaseType.Installation, line.Serial, id, request.Window), (workOrder.Type, workOrder.DeviceSerial, workOrder.ShipmentId, workOrder.InstallationWindow));
            Assert.Equal((Department.Installation, orders.Scenario.Region, installer), (workOrder.Department, workOrder.Region, workOrder.AssignedTechnicianId));
        }
        SameAs.Expected(shipped, await Shipment(id).GetAsync());
    }

    [Fact]
    public async Task WithoutAWindowTheDevicesAreRegisteredAndNoWorkOrderIsOpened()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();

        var shipped = (await Shipment(Scenario.NewId("SH")).ShipAsync(Request(customer.Id, await orders.ModelAsync(), window: false))).Value!;

        Assert.All(shipped.Devices, line => Assert.Equal((true, null, false), (line.Registered, line.WorkOrderNumber, line.WorkOrderOpened)));
        Assert.Empty((await fixture.Grains.GetGrain<Customers.ICustomerGrain>(customer.Id).GetAsync())!.RecentCases);
    }

    [Fact]
    public async Task AnUnknownModelIsRefusedOnItsDeviceAndNothingIsStored()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();
        var request = Request(customer.Id, await orders.ModelAsync());
        request = request with { Devices = [request.Devices[0], request.Devices[1] with { Model = "NO-SUCH-MODEL" }] };
        var id = Scenario.NewId("SH");

        var refused = await Shipment(id).ShipAsync(request);

        WorkOrder.Refused(refused, ErrorKind.NotFound, "devices[1].model");
        Assert.Null(await Shipment(id).GetAsync());
        Assert.Null(await fixture.Grains.GetGrain<IDeviceGrain>(request.Devices[0].Serial).GetAsync());
    }

    [Fact]
    public async Task AnUnknownCustomerARepeatedSerialAndARegisteredSerialAreRefusedAndNothingIsStored()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();
        var model = await orders.ModelAsync();
        var taken = await orders.Scenario.DeviceAsync(customer.Id, model);
        var request = Request(customer.Id, model);
        var id = Scenario.NewId("SH");

        WorkOrder.Refused(await Shipment(id).ShipAsync(request with { CustomerId = "C-nobody" }), ErrorKind.NotFound, "customerId");
        WorkOrder.Refused(await Shipment(id).ShipAsync(request with { Devices = [request.Devices[0], request.Devices[0]] }), ErrorKind.Validation, "devices[1].serial");
        WorkOrder.Refused(await Shipment(id).ShipAsync(request with { Devices = [request.Devices[0], new ShipmentDevice(taken, model)] }), ErrorKind.Conflict, "devices[1].serial");
        WorkOrder.Refused(await Shipment(id).ShipAsync(request with { Window = new InstallationWindow(fixture.Clock.GetUtcNow(), fixture.Clock.GetUtcNow()) }), ErrorKind.Validation, "installationWindow.end");

        Assert.Null(await Shipment(id).GetAsync());
        Assert.Null(await fixture.Grains.GetGrain<IDeviceGrain>(request.Devices[0].Serial).GetAsync());
    }

    [Fact]
    public async Task AShipmentCutOffHalfWayReadsAsProcessingAndIsCompletedByAReplayWithOneWorkOrderPerDevice()
    {
        var orders = new WorkOrders(fixture);
        await orders.Scenario.TechnicianAsync(Department.Installation, capacity: 9);
        var customer = await orders.Scenario.CustomerAsync();
        var request = Request(customer.Id, await orders.ModelAsync());
        var id = Scenario.NewId("SH");
        // The second device's registration fails to store, as a crash after the first device would leave it.
        fixture.Faults.FailNextWrite(fixture.Grains.GetGrain<IDeviceGrain>(request.Devices[1].Serial).GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => Shipment(id).ShipAsync(request));

        var half = (await Shipment(id).GetAsync())!;
        Assert.Equal(ShipmentStatus.Processing, half.Status);
        Assert.NotNull(await fixture.Grains.GetGrain<IDeviceGrain>(request.Devices[0].Serial).GetAsync());
        Assert.Null(await fixture.Grains.GetGrain<IDeviceGrain>(request.Devices[1].Serial).GetAsync());

        var replay = await Shipment(id).ShipAsync(request);

        Assert.True(replay.Replayed);
        Assert.Equal(ShipmentStatus.Completed, replay.Value!.Status);
        Assert.Equal(half.Devices.Select(d => d.WorkOrderNumber), replay.Value.Devices.Select(d => d.WorkOrderNumber));
        foreach (var line in replay.Value.Devices)
        {
            Assert.NotNull(await fixture.Grains.GetGrain<IDeviceGrain>(line.Serial).GetAsync());
            var history = await fixture.Grains.GetGrain<ICaseGrain>(line.WorkOrderNumber!).ReadAllAsync();
            Assert.Single(history!.Value, e => e.Action == CaseEventKinds.Opened);
        }
        var recent = (await fixture.Grains.GetGrain<Customers.ICustomerGrain>(customer.Id).GetAsync())!.RecentCases;
        Assert.Equal(replay.Value.Devices.Select(d => d.WorkOrderNumber).Order(), recent.Select(c => c.Number).Order());
    }

    [Fact]
    public async Task AnotherRequestForAnExistingShipmentIsRefusedWith409()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();
        var model = await orders.ModelAsync();
        var id = Scenario.NewId("SH");
        var first = (await Shipment(id).ShipAsync(Request(customer.Id, model, window: false))).Value!;

        var other = await Shipment(id).ShipAsync(Request(customer.Id, model, window: false));

        WorkOrder.Refused(other, ErrorKind.Conflict, "id");
        SameAs.Expected(first, await Shipment(id).GetAsync());
    }

    [Fact]
    public async Task ACutOffShipmentKeepsAReminderWhoseTickCompletesItWithoutAReplay()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();
        var request = Request(customer.Id, await orders.ModelAsync(), window: false);
        var id = Scenario.NewId("SH");
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grain = Shipment(id).GetGrainId();
        fixture.Faults.FailNextWrite(fixture.Grains.GetGrain<IDeviceGrain>(request.Devices[0].Serial).GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => Shipment(id).ShipAsync(request));
        Assert.NotNull(await reminders.ReadRow(grain, "shipment-completion"));

        // The tick the reminder would deliver within a minute, delivered now.
        await fixture.Grains.GetGrain<IRemindable>(grain).ReceiveReminder("shipment-completion", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        Assert.Equal(ShipmentStatus.Completed, (await Shipment(id).GetAsync())!.Status);
        foreach (var device in request.Devices)
        {
            Assert.NotNull(await fixture.Grains.GetGrain<IDeviceGrain>(device.Serial).GetAsync());
        }
        Assert.Null(await reminders.ReadRow(grain, "shipment-completion"));
    }
}
