using AfterSales.Common;
using AfterSales.Diagnostics;

namespace AfterSales.Tests.Unit.Diagnostics;

public sealed class DepartmentQueueLengthsTests
{
    [Fact]
    public void TheGaugeReportsEachDepartmentRegionWithItsShardsAddedUp()
    {
        using var recorder = new MetricsRecorder();
        var queues = recorder.Get<DepartmentQueueLengths>();
        using var shard0 = queues.Track(Department.Maintenance, "east");
        using var shard1 = queues.Track(Department.Maintenance, "east");
        using var west = queues.Track(Department.Maintenance, "west");
        shard0.Set(3);
        shard1.Set(4);
        west.Set(1);

        recorder.Observe();

        var lengths = recorder.Of("aftersales.department.queue.length").ToDictionary(m => m.Tags["region"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["east"] = 7, ["west"] = 1 }, lengths);
    }

    [Fact]
    public void ADeactivatedDepartmentNoLongerReports()
    {
        using var recorder = new MetricsRecorder();
        var queues = recorder.Get<DepartmentQueueLengths>();
        var gone = queues.Track(Department.Installation, "north");
        gone.Set(5);

        gone.Dispose();
        recorder.Observe();

        Assert.Empty(recorder.Of("aftersales.department.queue.length"));
    }
}
