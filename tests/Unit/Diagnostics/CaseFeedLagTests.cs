using AfterSales.CaseList;
using AfterSales.Diagnostics;
using AfterSales.Kpis;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Unit.Diagnostics;

[Collection(MetricsCollection.Name)]
public sealed class CaseFeedLagTests
{
    [Fact]
    public void WithoutACaseListStoreTheGaugeReportsNothing()
    {
        using var recorder = new MetricsRecorder();

        recorder.Observe();

        Assert.Empty(recorder.Of("aftersales.case_feed.lag"));
    }

    [Fact]
    public void AHostWhoseServicesAreDisposedReportsNothingRatherThanFailingTheCollection()
    {
        var services = new ServiceCollection().AddSingleton<ICaseListStore>(new ProgressStore(new ProjectionProgress(Position: 1, Head: 2)))
            .BuildServiceProvider();
        var lag = new CaseFeedLag(services, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseFeedLag>.Instance);
        services.Dispose();

        Assert.Null(lag.Current());
        Assert.Null(lag.Current());
    }

    [Fact]
    public void AHostWhoseStoreCannotBeMadeReportsNothingRatherThanFailingTheCollection()
    {
        // As a stopping host whose data folder is already gone: making the store throws the driver's error.
        var services = new ServiceCollection()
            .AddSingleton<ICaseListStore>(_ => throw new IOException("unable to open database file"))
            .BuildServiceProvider();
        var lag = new CaseFeedLag(services, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseFeedLag>.Instance);

        Assert.Null(lag.Current());
        Assert.Null(lag.Current());
    }

    [Fact]
    public async Task TheGaugeReportsTheJournalHeadLessTheLowestCheckpointOnceRead()
    {
        var store = new ProgressStore(new ProjectionProgress(Position: 90, Head: 125)) { Gate = new TaskCompletionSource() };
        using var recorder = new MetricsRecorder(services => services.AddSingleton<ICaseListStore>(store));

        // The first scrape starts the read and has nothing yet: a gauge callback never waits on the database.
        recorder.Observe();
        Assert.Empty(recorder.Of("aftersales.case_feed.lag"));
        store.Gate.SetResult();
        await recorder.Get<CaseFeedLag>().Pending;
        recorder.Observe();

        Assert.Equal(35, Assert.Single(recorder.Of("aftersales.case_feed.lag")).Value);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task AFailedReadKeepsTheLastValue()
    {
        var store = new ProgressStore(new ProjectionProgress(Position: 10, Head: 12));
        using var recorder = new MetricsRecorder(services => services.AddSingleton<ICaseListStore>(store));
        var lag = recorder.Get<CaseFeedLag>();
        lag.RefreshInterval = TimeSpan.Zero;
        recorder.Observe();
        await lag.Pending;

        store.Fail = true;
        recorder.Observe();
        await lag.Pending;

        Assert.Equal([2, 2], recorder.Of("aftersales.case_feed.lag").Select(m => m.Value));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task TwoHostsOfOneProcessReportOneMeasurementTheLargerLag()
    {
        // Two hosts on different databases in one process: untagged measurements of both would leave the exporter
        // with whichever came last. The smaller lag is not zero, so a sum would not pass for the largest.
        var behind = new ProgressStore(new ProjectionProgress(Position: 10, Head: 50)) { Gate = new TaskCompletionSource() };
        var current = new ProgressStore(new ProjectionProgress(Position: 2, Head: 7)) { Gate = new TaskCompletionSource() };
        using var recorder = new MetricsRecorder(services => services.AddSingleton<ICaseListStore>(behind));
        using var otherHost = new MetricsRecorder(services => services.AddSingleton<ICaseListStore>(current));
        // The first scrape starts both hosts' reads.
        recorder.Observe();
        behind.Gate.SetResult();
        current.Gate.SetResult();
        await recorder.Get<CaseFeedLag>().Pending;
        await otherHost.Get<CaseFeedLag>().Pending;

        recorder.Observe();

        Assert.Equal(40, Assert.Single(recorder.Of("aftersales.case_feed.lag")).Value);
    }

    private sealed class ProgressStore(ProjectionProgress progress) : ICaseListStore
    {
        public int Reads { get; private set; }

        public bool Fail { get; set; }

        /// <summary>When set, reads wait for it: the database is slow.</summary>
        public TaskCompletionSource? Gate { get; init; }

        public async Task<ProjectionProgress> ReadProgressAsync(CancellationToken cancellationToken = default)
        {
            Reads++;
            if (Gate is not null)
            {
                await Gate.Task;
            }
            return Fail ? throw new InvalidOperationException("store down") : progress;
        }

        public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, CaseListRow>> ReadRowsAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task SaveAsync(int partition, IReadOnlyList<CaseListChange> changes, long? checkpoint, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task ResetAsync(int partition, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CaseListPage> QueryAsync(CaseListQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<KpiSums> SumKpisAsync(KpiQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
