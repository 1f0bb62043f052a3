using AfterSales.Common;
using AfterSales.Diagnostics;

namespace AfterSales.Tests.Unit.Diagnostics;

[Collection(MetricsCollection.Name)]
public sealed class DepartmentQueueLengthsTests
{
    private readonly string east = "e-" + Guid.NewGuid().ToString("N");
    private readonly string west = "w-" + Guid.NewGuid().ToString("N");

    [Fact]
    public void TheGaugeReportsEachDepartmentRegionWithItsShardsAddedUp()
    {
        using var recorder = new MetricsRecorder();
        var queues = recorder.Get<DepartmentQueueLengths>();
        using var shard0 = queues.Track(Department.Maintenance, east);
        using var shard1 = queues.Track(Department.Maintenance, east);
        using var westQueue = queues.Track(Department.Maintenance, this.west);
        shard0.Set(3);
        shard1.Set(4);
        westQueue.Set(1);

        recorder.Observe();

        Assert.Equal(7, Assert.Single(recorder.Of("aftersales.department.queue.length", east)).Value);
        Assert.Equal(1, Assert.Single(recorder.Of("aftersales.department.queue.length", this.west)).Value);
    }

    [Fact]
    public void TwoHostsOfOneProcessReportOneSeriesWithTheirQueuesAddedUp()
    {
        using var recorder = new MetricsRecorder();
        using var otherHost = new MetricsRecorder();
        using var here = recorder.Get<DepartmentQueueLengths>().Track(Department.Maintenance, east);
        using var there = otherHost.Get<DepartmentQueueLengths>().Track(Department.Maintenance, east);
        here.Set(2);
        there.Set(0);

        recorder.Observe();

        Assert.Equal(2, Assert.Single(recorder.Of("aftersales.department.queue.length", east)).Value);
    }

    [Fact]
    public void ADeactivatedDepartmentNoLongerReports()
    {
        using var recorder = new MetricsRecorder();
        var queues = recorder.Get<DepartmentQueueLengths>();
        var gone = queues.Track(Department.Installation, east);
        gone.Set(5);

        gone.Dispose();
        recorder.Observe();

        Assert.Empty(recorder.Of("aftersales.department.queue.length", east));
    }
}
