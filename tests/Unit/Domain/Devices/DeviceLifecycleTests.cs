using AfterSales.Cases;
using AfterSales.Devices;
using AfterSales.Domain.Devices;

namespace AfterSales.Tests.Unit.Domain.Devices;

public sealed class DeviceLifecycleTests
{
    [Theory]
    [InlineData(DeviceStatus.InService, new CaseType[0], DeviceStatus.InService)]
    [InlineData(DeviceStatus.InService, new[] { CaseType.Fault }, DeviceStatus.Faulty)]
    [InlineData(DeviceStatus.InService, new[] { CaseType.Maintenance }, DeviceStatus.UnderMaintenance)]
    [InlineData(DeviceStatus.UnderMaintenance, new[] { CaseType.Maintenance, CaseType.Fault }, DeviceStatus.Faulty)]
    [InlineData(DeviceStatus.Faulty, new[] { CaseType.Maintenance }, DeviceStatus.UnderMaintenance)]
    [InlineData(DeviceStatus.Faulty, new CaseType[0], DeviceStatus.InService)]
    [InlineData(DeviceStatus.InService, new[] { CaseType.Installation, CaseType.Complaint }, DeviceStatus.InService)]
    [InlineData(DeviceStatus.Shipped, new[] { CaseType.Fault }, DeviceStatus.Shipped)]
    [InlineData(DeviceStatus.Installed, new[] { CaseType.Fault }, DeviceStatus.Installed)]
    [InlineData(DeviceStatus.Decommissioned, new[] { CaseType.Fault }, DeviceStatus.Decommissioned)]
    public void ADeviceInServiceFollowsItsOpenCasesAndAFaultOutranksAVisit(DeviceStatus current, CaseType[] open, DeviceStatus expected)
    {
        Assert.Equal(expected, DeviceLifecycle.Follow(current, open));
    }

    [Fact]
    public void InstallingMovesAShippedDeviceOnlyAndNeverADecommissionedOne()
    {
        Assert.Equal(DeviceStatus.Installed, DeviceLifecycle.Install(DeviceStatus.Shipped).Status);
        Assert.Equal((DeviceStatus.InService, null), (DeviceLifecycle.Install(DeviceStatus.InService).Status, DeviceLifecycle.Install(DeviceStatus.InService).Error));
        Assert.False(DeviceLifecycle.Install(DeviceStatus.Decommissioned).IsAllowed);
    }

    [Fact]
    public void AnAcceptedCommissioningEntersServiceAndAFailedOneLeavesTheDeviceInstalled()
    {
        Assert.Equal(DeviceStatus.InService, DeviceLifecycle.Commission(DeviceStatus.Installed, passed: true, accepted: false, []).Status);
        Assert.Equal(DeviceStatus.Faulty, DeviceLifecycle.Commission(DeviceStatus.Installed, passed: true, accepted: false, [CaseType.Fault]).Status);
        Assert.Equal(DeviceStatus.Installed, DeviceLifecycle.Commission(DeviceStatus.Shipped, passed: false, accepted: false, []).Status);
    }

    [Fact]
    public void ASecondAcceptanceAndACommissioningAfterDecommissioningAreRefused()
    {
        var second = DeviceLifecycle.Commission(DeviceStatus.InService, passed: true, accepted: true, []);
        var afterEnd = DeviceLifecycle.Commission(DeviceStatus.Decommissioned, passed: true, accepted: false, []);

        Assert.Equal((false, DeviceStatus.InService), (second.IsAllowed, second.Status));
        Assert.Contains("already accepted", second.Error, StringComparison.Ordinal);
        Assert.False(afterEnd.IsAllowed);
    }

    [Fact]
    public void DecommissioningIsRefusedWhileHoldingCasesAreOpenAndOnce()
    {
        var blocked = DeviceLifecycle.Decommission(DeviceStatus.Faulty, ["AS-2026-000007"]);

        Assert.Contains("AS-2026-000007", blocked.Error, StringComparison.Ordinal);
        Assert.Equal(DeviceStatus.Decommissioned, DeviceLifecycle.Decommission(DeviceStatus.Shipped, []).Status);
        Assert.Equal(DeviceStatus.Decommissioned, DeviceLifecycle.Decommission(DeviceStatus.InService, []).Status);
        Assert.False(DeviceLifecycle.Decommission(DeviceStatus.Decommissioned, []).IsAllowed);
    }

    [Theory]
    [InlineData(CaseType.Fault, true)]
    [InlineData(CaseType.Maintenance, true)]
    [InlineData(CaseType.Installation, false)]
    [InlineData(CaseType.Consultation, false)]
    public void FaultAndMaintenanceCasesHoldTheStatus(CaseType type, bool holds)
    {
        Assert.Equal(holds, DeviceLifecycle.HoldsStatus(type));
    }
}
