using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AfterSales.Common;

namespace AfterSales.Diagnostics;

/// <summary>The queue lengths of the departments active on this silo, for the queue-length gauge: each department
/// activation writes its own cell when its queue changes, and a scrape reads the cells. So a scrape costs no grain call,
/// and a queue change costs one volatile write.</summary>
/// <remarks>A department moved to another silo drops its cell here (deactivation) and reports from there; the sum over
/// every silo is the cluster's figure. Shards of one department-region add up to one series.</remarks>
internal sealed class DepartmentQueueLengths
{
    private readonly ConcurrentDictionary<DepartmentQueueLength, byte> _cells = new();

    /// <summary>A cell for one department activation, listed until it is disposed.</summary>
    public DepartmentQueueLength Track(Department department, string region)
    {
        var cell = new DepartmentQueueLength(this, DepartmentNames.ToSlug(department), region);
        _cells.TryAdd(cell, 0);
        return cell;
    }

    internal void Forget(DepartmentQueueLength cell) => _cells.TryRemove(cell, out _);

    /// <summary>One measurement per department-region with an active department in any of <paramref name="hosts"/>
    /// (the gauge's callback). A deployed process has one host; a process with several (tests) adds them up, because
    /// two measurements with the same tags in one observation would leave the series to whichever came last.</summary>
    public static IEnumerable<Measurement<long>> Observe(IEnumerable<DepartmentQueueLengths> hosts)
    {
        var sums = new Dictionary<(string Department, string Region), long>();
        foreach (var cell in hosts.SelectMany(host => host._cells.Keys))
        {
            sums[(cell.Department, cell.Region)] = sums.GetValueOrDefault((cell.Department, cell.Region)) + cell.Length;
        }
        return sums.Select(sum => new Measurement<long>(sum.Value,
            new KeyValuePair<string, object?>(AfterSalesMetrics.DepartmentTag, sum.Key.Department),
            new KeyValuePair<string, object?>(AfterSalesMetrics.RegionTag, sum.Key.Region)));
    }
}

/// <summary>The queue length one department activation last reported.</summary>
internal sealed class DepartmentQueueLength(DepartmentQueueLengths owner, string department, string region) : IDisposable
{
    private long _length;

    public string Department { get; } = department;

    public string Region { get; } = region;

    public long Length => Volatile.Read(ref _length);

    public void Set(int length) => Volatile.Write(ref _length, length);

    public void Dispose() => owner.Forget(this);
}
