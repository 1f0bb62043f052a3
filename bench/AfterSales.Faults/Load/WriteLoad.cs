using System.Collections.Concurrent;
using AfterSales.Faults.Ledger;

namespace AfterSales.Faults.Load;

/// <summary>Runs the load until stopped. Writes: a case opened (every type in turn, a customer in turn) or, for one
/// operation in three when an acknowledged assigned case waits, that case started. Reads: <c>GET /api/cases/{number}</c>
/// of a case the ledger saw acknowledged. Stopping ends new operations; writes in flight still settle (their retries
/// run until answered or given up), so the ledger is complete when <see cref="RunAsync"/> returns.</summary>
public sealed class WriteLoad(LedgerClient client, FaultPopulation population, LoadShape shape)
{
    private readonly ConcurrentQueue<string> _toStart = new();
    private readonly List<string> _known = [];
    private long _operations;

    public ReadTally Reads { get; } = new();

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var workers = Enumerable.Range(0, shape.Workers).Select(w => Task.Run(() => WorkAsync(w, stop, abort), abort));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(int worker, CancellationToken stop, CancellationToken abort)
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _operations);
            if (shape.ReadShare > 0 && random.NextDouble() < shape.ReadShare && TryPick(random, out var known))
            {
                await client.ReadAsync($"/api/cases/{Uri.EscapeDataString(known)}", Reads, abort);
            }
            else if (n % 3 == 0 && _toStart.TryDequeue(out var assigned))
            {
                await client.StartCaseAsync(assigned, abort);
            }
            else
            {
                var customer = population.CustomerIds[(int)(n % population.CustomerIds.Count)];
                var write = await client.OpenCaseAsync(customer, FaultPopulation.CaseType(n), abort);
                Remember(write);
            }
            if (shape.Pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(shape.Pause, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }
    }

    private void Remember(LedgerWrite write)
    {
        if (write.Outcome != WriteOutcome.Acknowledged || write.CaseNumber is not { } number)
        {
            return;
        }
        if (write.AnsweredTechnician is not null)
        {
            _toStart.Enqueue(number);
        }
        lock (_known)
        {
            _known.Add(number);
        }
    }

    private bool TryPick(Random random, out string number)
    {
        lock (_known)
        {
            number = _known.Count == 0 ? "" : _known[random.Next(_known.Count)];
            return _known.Count > 0;
        }
    }
}
