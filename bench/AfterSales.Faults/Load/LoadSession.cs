using AfterSales.Faults.Ledger;

namespace AfterSales.Faults.Load;

/// <summary>A seeded population and a load running against one API, with its ledger: what a fault run starts before
/// the fault and stops after it.</summary>
public sealed class LoadSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LoadSession(LedgerClient client, FaultPopulation population, WriteLoad load, CancellationToken abort)
    {
        Client = client;
        Population = population;
        Load = load;
        _running = load.RunAsync(_stop.Token, abort);
    }

    public LedgerClient Client { get; }

    public WriteLedger Ledger => Client.Ledger;

    public WriteLoad Load { get; }

    public FaultPopulation Population { get; }

    /// <summary>Seeds a population under a new run tag and starts the load.</summary>
    /// <param name="before">Set-up to run after seeding and before the load starts.</param>
    public static async Task<LoadSession> StartAsync(
        Uri api, LoadShape shape, CancellationToken abort, RetryPolicy? policy = null, Func<LedgerClient, Task>? before = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var client = new LedgerClient(api, new WriteLedger(tag), policy);
        try
        {
            var population = new FaultPopulation(tag);
            await client.SeedAsync(population, abort);
            if (before is not null)
            {
                await before(client);
            }
            return new LoadSession(client, population, new WriteLoad(client, population, shape), abort);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Acknowledged writes whose first attempt was sent at or after <paramref name="since"/>.</summary>
    public int AcknowledgedSince(TimeSpan since) =>
        Ledger.Writes.Count(w => w.Outcome == WriteOutcome.Acknowledged && w.FirstSentAt >= since);

    /// <summary>Waits until <paramref name="count"/> writes first sent at or after <paramref name="since"/> are
    /// acknowledged (the load has made that much progress), polling the ledger.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Ledger.Now + timeout;
        while (AcknowledgedSince(since) < count)
        {
            if (Ledger.Now > deadline)
            {
                throw new TimeoutException($"Only {AcknowledgedSince(since)} of {count} writes sent after {AttemptWindow.Seconds(since)} were " +
                    $"acknowledged within {timeout.TotalSeconds:0} s; answers: {AttemptWindow.Tally(Ledger.Attempts.Where(a => a.SentAt >= since))}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> attempts sent at or after <paramref name="since"/> were
    /// answered (or failed), whatever the answer.</summary>
    public async Task WaitForAttemptsAsync(int count, TimeSpan since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Ledger.Now + timeout;
        while (Ledger.Attempts.Count(a => a.SentAt >= since) < count)
        {
            if (Ledger.Now > deadline)
            {
                throw new TimeoutException($"Fewer than {count} attempts were answered within {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Stops new operations and waits until every write in flight has settled.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        Client.Dispose();
        _stop.Dispose();
    }
}
