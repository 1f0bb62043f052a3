using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.CaseList;

namespace AfterSales.Tests.Unit.Domain.CaseList;

public sealed class CaseListRowCacheTests
{
    [Fact]
    public void ARowPutIsFoundWithItsLatestVersion()
    {
        var cache = new CaseListRowCache(capacity: 4);

        cache.Put(Row("AS-1", 1));
        cache.Put(Row("AS-1", 3));

        Assert.True(cache.TryGet("AS-1", out var row));
        Assert.Equal(3, row.LastSequence);
        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet("AS-2", out _));
    }

    [Fact]
    public void PastItsCapacityTheOldestWrittenRowsAreForgotten()
    {
        var cache = new CaseListRowCache(capacity: 3);

        foreach (var n in Enumerable.Range(1, 5))
        {
            cache.Put(Row($"AS-{n}", 1));
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("AS-1", out _));
        Assert.False(cache.TryGet("AS-2", out _));
        Assert.True(cache.TryGet("AS-3", out _));
        Assert.True(cache.TryGet("AS-5", out _));
    }

    private static CaseListRow Row(string number, long sequence) =>
        new(number, CaseType.Fault, CaseStatus.New, CasePriority.Normal, CaseChannel.Web, Department.TechnicalSupport, "east", null, "C-1", null,
            "subject", "description", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, sequence);
}
