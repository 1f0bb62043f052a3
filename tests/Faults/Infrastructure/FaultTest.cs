using System.Diagnostics;
using AfterSales.Faults.Checking;
using AfterSales.Faults.Ledger;
using AfterSales.Faults.Load;
using AfterSales.Faults.Processes;
using Xunit.Abstractions;

namespace AfterSales.Tests.Faults.Infrastructure;

/// <summary>What every fault test does around its fault: a 10-minute limit, a folder for the processes' logs, what a
/// killed earlier run left behind stopped first (<see cref="OwnedProcesses"/>), the cluster started and timed, the load
/// seeded and run until it has acknowledged a first batch of writes, and at the end the ledger checked against the store
/// and the figures written to the test output.</summary>
public abstract class FaultTest : IDisposable
{
    private readonly CancellationTokenSource _abort = new(TimeSpan.FromMinutes(10));
    private readonly LogFolder _logs = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    protected FaultTest(ITestOutputHelper output)
    {
        Output = output;
        // Silos, APIs and PostgreSQL servers of a test host killed mid-run would hold this rig's ports.
        OwnedProcesses.StopOrphans();
    }

    protected ITestOutputHelper Output { get; }

    /// <summary>Cancelled 10 minutes after the test started.</summary>
    protected CancellationToken Abort => _abort.Token;

    /// <summary>A scratch database on the server of <c>AFTERSALES_TEST_POSTGRES</c>, then as
    /// <see cref="StartClusterAsync(string, int, int, Func{LedgerClient, Task})"/>.</summary>
    protected async Task<ClusterRun> StartClusterAsync(int silos, int acknowledged = 100, Func<LedgerClient, Task>? before = null)
    {
        var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.Server!, Abort);
        try
        {
            return await StartClusterAsync(database.ConnectionString, silos, acknowledged, before, database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <paramref name="silos"/> silos and the API on the database and the load against them (as
    /// <see cref="StartLoadAsync"/>), saying how long the cluster took to start.</summary>
    protected Task<ClusterRun> StartClusterAsync(string connectionString, int silos, int acknowledged = 100, Func<LedgerClient, Task>? before = null) =>
        StartClusterAsync(connectionString, silos, acknowledged, before, database: null);

    /// <summary>Seeds the population, starts the load and returns once <paramref name="acknowledged"/> writes are
    /// acknowledged (within 60 s).</summary>
    /// <param name="before">Set-up to run after seeding and before the load starts.</param>
    protected async Task<LoadSession> StartLoadAsync(Uri api, int acknowledged, Func<LedgerClient, Task>? before = null)
    {
        var load = await LoadSession.StartAsync(api, LoadShape.FaultTest, Abort, before: before);
        try
        {
            Output.WriteLine($"[faults]   seeded at {AttemptWindow.Seconds(_clock.Elapsed)}");
            await load.WaitForAcknowledgedAsync(acknowledged, TimeSpan.Zero, TimeSpan.FromSeconds(60), Abort);
            return load;
        }
        catch
        {
            await load.DisposeAsync();
            throw;
        }
    }

    /// <summary>As <see cref="CheckAsync(LoadSession, IStoreReader, string, string, string, ValueTuple{string, TimeSpan?}[])"/>
    /// for a cluster: its database, its service id, its processes' logs.</summary>
    protected Task<LedgerVerdict> CheckAsync(ClusterRun run, string test, params (string Name, TimeSpan? Value)[] times) =>
        CheckAsync(run.Load, new PostgresStoreReader(run.ConnectionString), run.Rig.ClusterId, test, "\n" + run.Rig.Logs(), times);

    /// <summary>Checks the ledger of a stopped load against the store, writes the figures and asserts that nothing was
    /// lost, duplicated or mismatched (the failure message ends with <paramref name="logs"/>).</summary>
    protected async Task<LedgerVerdict> CheckAsync(
        LoadSession load, IStoreReader store, string serviceId, string test, string logs, params (string Name, TimeSpan? Value)[] times)
    {
        var verdict = LedgerChecker.Check(load.Ledger, await store.ReadAsync(serviceId, Abort));
        FaultReport.Write(Output, test, load.Ledger, verdict, times);
        Assert.True(verdict.Clean, verdict.Describe() + logs);
        return verdict;
    }

    private async Task<ClusterRun> StartClusterAsync(
        string connectionString, int silos, int acknowledged, Func<LedgerClient, Task>? before, ScratchDatabase? database)
    {
        var rig = await ClusterRig.StartAsync(connectionString, silos, _logs.Path, new LoopbackPorts(), Abort);
        try
        {
            Output.WriteLine($"[faults]   cluster started in {AttemptWindow.Seconds(_clock.Elapsed)}");
            return new ClusterRun(connectionString, rig, await StartLoadAsync(rig.ApiAddress, acknowledged, before), database);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _logs.Dispose();
            _abort.Dispose();
        }
    }
}
