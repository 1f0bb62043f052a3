using System.Diagnostics;
using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Silo.Schema;
using AfterSales.Silo.Storage;
using AfterSales.Silo.Storage.CaseList;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AfterSales.Tests.Storage;

/// <summary>The case list writes a SQLite file of its own with a writer of its own: what its batches cost the grain state
/// writes made at the same time, measured.</summary>
public sealed class CaseListContentionTests(SqliteProviderFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteProviderFixture>
{
    [Fact]
    public async Task GrainStateWritesStayFastWhileTheListWritesBatchesBesideThem()
    {
        var alone = await TimeWritesAsync(1000);
        using var directory = new TempDirectory();
        var listPath = Path.Combine(directory.Path, "caselist.db");
        await new SqliteSchemaMigrator(NullLogger<SqliteSchemaMigrator>.Instance)
            .MigrateAsync($"Data Source={listPath};Pooling=False", CancellationToken.None, SqlDialect.SqliteCaseList);
        await using var writer = new SqliteCommandWriter(listPath, SqliteSynchronousMode.Normal, TimeSpan.FromSeconds(30), "case-list", NullLogger.Instance);
        using var store = new SqliteCaseListStore(listPath, fixture.DatabasePath, writer, fixture.ServiceId);
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var listing = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                // A busy consumer's batch: 50 rows with their text.
                var rows = Enumerable.Range(0, 50).Select(_ => new CaseListChange(Row($"AS-{n++:D7}"), TextChanged: true)).ToArray();
                await store.SaveAsync(n % 16, rows, checkpoint: n);
                batches++;
            }
        });
        var contended = await TimeWritesAsync(1000);
        await stop.CancelAsync();
        await listing;

        output.WriteLine($"grain state writes alone: median {Ms(alone, 0.5)}, p99 {Ms(alone, 0.99)}; beside {batches} list batches of 50 rows: median {Ms(contended, 0.5)}, p99 {Ms(contended, 0.99)}");
        Assert.True(batches > 0, "the list wrote no batch during the measurement");
        Assert.True(Percentile(contended, 0.99) < TimeSpan.FromMilliseconds(500), $"p99 {Ms(contended, 0.99)} beside list writes");
    }

    private async Task<List<TimeSpan>> TimeWritesAsync(int count)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            var state = new GrainState<ProbeState>(new ProbeState { Value = "v", Writes = i });
            var clock = Stopwatch.StartNew();
            await fixture.Storage.WriteStateAsync("probe", GrainId.Create("probe", $"c-{Guid.NewGuid():N}"), state);
            times.Add(clock.Elapsed);
        }
        times.Sort();
        return times;
    }

    private static CaseListRow Row(string number) =>
        new(number, CaseType.Fault, CaseStatus.New, CasePriority.Normal, CaseChannel.Web, Department.TechnicalSupport, "east", null, "C-1", null,
            "打印机卡纸 printer jam", new string('x', 400), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, 1);

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private static string Ms(List<TimeSpan> sorted, double p) => $"{Percentile(sorted, p).TotalMilliseconds:F1} ms";
}
