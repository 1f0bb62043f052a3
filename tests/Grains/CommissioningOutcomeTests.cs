using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Installation;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Grains;

/// <summary>What a submitted commissioning does to the device and the cases, and how a cut-off is completed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CommissioningOutcomeTests(ClusterFixture fixture)
{
    private IDeviceGrain Device(string serial) => fixture.Grains.GetGrain<IDeviceGrain>(serial);

    [Fact]
    public async Task APassedCommissioningPutsTheDeviceInServiceWithItsBaselineAndResolvesTheWorkOrder()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.AnswerAsync(WorkOrder.Check("grounding", true), WorkOrder.Measure("supply-voltage", 229.5m, "V"), WorkOrder.Measure("noise", 48m, "dB"));

        var report = (await order.Commissioning.SubmitAsync(order.SignOff())).Value!;

        Assert.Equal((CommissioningVerdict.Pass, order.TechnicianId, "Wang Fang", true), (report.Outcome, report.TechnicianId, report.SignOff.Name, report.Completed));
        Assert.Empty(report.Deviations);
        Assert.Null(report.FaultCaseNumber);
        var device = (await Device(order.Serial).GetAsync())!;
        Assert.Equal(DeviceStatus.InService, device.Status);
        Assert.Equal([new BaselineValue("supply-voltage", 229.5m, "V"), new BaselineValue("noise", 48m, "dB")], device.Baseline.ToArray());
        Assert.Equal(order.Number, device.CommissionedBy);
        Assert.Equal("acceptance", device.Warranty?.Basis);
        var workOrder = (await order.Case.GetAsync())!;
        Assert.Equal(CaseStatus.Resolved, workOrder.Status);
        Assert.StartsWith("Commissioning passed", workOrder.ResolutionSummary, StringComparison.Ordinal);
        Assert.Empty(await order.Fixture.Grains.GetGrain<Technicians.ITechnicianGrain>(order.TechnicianId).GetAssignmentsAsync());
    }

    [Fact]
    public async Task AFailedCommissioningLeavesTheDeviceInstalledAndOpensAFaultCaseForTechnicalSupportLinkedBothWays()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.AnswerAsync(WorkOrder.Check("grounding", false, note: "Earth lead missing."), WorkOrder.Measure("supply-voltage", 251m, "V", deviation: true, note: "Grid runs high."));

        var report = (await order.Commissioning.SubmitAsync(order.SignOff())).Value!;

        Assert.Equal(CommissioningVerdict.Fail, report.Outcome);
        Assert.Equal(["grounding", "supply-voltage"], report.Deviations.Select(d => d.ItemId));
        var faultNumber = report.FaultCaseNumber!;
        var fault = (await fixture.Grains.GetGrain<ICaseGrain>(faultNumber).GetAsync())!;
        Assert.Equal((CaseType.Fault, Department.TechnicalSupport, order.Serial, order.Opened.CustomerId), (fault.Type, fault.Department, fault.DeviceSerial, fault.CustomerId));
        Assert.Equal([new RelatedCase(order.Number, CaseRelations.InstallationWorkOrder)], fault.RelatedCases.ToArray());
        Assert.Contains("Grid runs high.", fault.Description, StringComparison.Ordinal);
        var workOrder = (await order.Case.GetAsync())!;
        Assert.Equal([new RelatedCase(faultNumber, CaseRelations.CommissioningFault)], workOrder.RelatedCases.ToArray());
        Assert.Equal(CaseStatus.Resolved, workOrder.Status);
        Assert.Contains(faultNumber, workOrder.ResolutionSummary, StringComparison.Ordinal);
        var device = (await Device(order.Serial).GetAsync())!;
        Assert.Contains(device.Status, new[] { DeviceStatus.Installed, DeviceStatus.Faulty });
        Assert.Null(device.CommissionedAt);
        Assert.Empty(device.Baseline);
    }

    [Fact]
    public async Task ASubmissionCutOffAfterItsReportWasStoredIsCompletedByARetryWithOneFaultCase()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.AnswerAsync(WorkOrder.Check("grounding", false, note: "Earth lead missing."), WorkOrder.Measure("supply-voltage", 230m, "V"));
        // The work order's first write after the report (linking the fault case) fails, as a crash there would leave it.
        fixture.Faults.FailNextWrite(order.Case.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => order.Commissioning.SubmitAsync(order.SignOff()));

        var stored = (await order.Commissioning.GetReportAsync())!;
        Assert.False(stored.Completed);
        Assert.Equal(CaseStatus.Assigned, (await order.Case.GetAsync())!.Status);

        var retried = await order.Commissioning.SubmitAsync(order.SignOff());

        Assert.True(retried.Replayed);
        Assert.True(retried.Value!.Completed);
        Assert.Equal(stored.FaultCaseNumber, retried.Value.FaultCaseNumber);
        var workOrder = (await order.Case.GetAsync())!;
        Assert.Equal(CaseStatus.Resolved, workOrder.Status);
        Assert.Equal([new RelatedCase(stored.FaultCaseNumber!, CaseRelations.CommissioningFault)], workOrder.RelatedCases.ToArray());
        var cases = (await fixture.Grains.GetGrain<ICustomerGrain>(order.Opened.CustomerId).GetAsync())!.RecentCases;
        Assert.Equal([stored.FaultCaseNumber], cases.Where(c => c.Type == CaseType.Fault).Select(c => c.Number));
        Assert.Single(await order.Fixture.Grains.GetGrain<ICaseGrain>(stored.FaultCaseNumber!).ReadAllAsync() is { } history
            ? history.Where(e => e.Action == CaseEventKinds.Opened) : []);
    }

    [Fact]
    public async Task ACutOffSubmissionKeepsAReminderWhoseTickCompletesItWithoutARetry()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.PassAsync();
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grain = order.Commissioning.GetGrainId();
        fixture.Faults.FailNextWrite(order.Case.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => order.Commissioning.SubmitAsync(order.SignOff()));
        Assert.NotNull(await reminders.ReadRow(grain, "commissioning-follow-up"));

        // The tick the reminder would deliver within a minute, delivered now.
        await fixture.Grains.GetGrain<IRemindable>(grain).ReceiveReminder("commissioning-follow-up", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

        Assert.True((await order.Commissioning.GetReportAsync())!.Completed);
        Assert.Equal(CaseStatus.Resolved, (await order.Case.GetAsync())!.Status);
        Assert.Equal(DeviceStatus.InService, (await Device(order.Serial).GetAsync())!.Status);
        Assert.Null(await reminders.ReadRow(grain, "commissioning-follow-up"));
    }
}
