using System.Diagnostics;
using System.Globalization;
using AfterSales.Persistence;
using AfterSales.Silo.Storage;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Storage;

/// <summary>What one write costs when a state holds N items and one of them changes: with the items as rows
/// (<see cref="RowBenchState"/>), inside the record as before (<see cref="BlobBenchState"/>), and for a stream that
/// already holds N events when one more is appended. One writer, writes one after the other, for a fixed time each after a
/// quarter of it unrecorded.</summary>
internal static class RowCostRun
{
    private const int PrimingEventsPerWrite = 1_000;

    public static async Task RunAsync(TimeSpan duration, int[] sizes, StorageTarget[] targets)
    {
        Console.WriteLine("| storage | layout | items held | record bytes | writes | writes/s | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var target in targets)
        {
            await using var host = await BenchHost.StartAsync(target, SqliteSynchronousMode.Full);
            // Not reported: the first measurement after a start also pays for warming the process and its connections.
            await RowsAsync(host, sizes.Min(), duration);
            foreach (var size in sizes)
            {
                await Report(target, "rows: one row changes", size, await RowsAsync(host, size, duration));
                await Report(target, "record: one item changes", size, await RecordAsync(host, size, duration));
                await Report(target, "journal: one event appended", size, await JournalAsync(host, size, duration));
            }
        }
    }

    private static Task Report(StorageTarget target, string layout, int size, (int RecordBytes, Latencies Latencies) result)
    {
        var (bytes, latencies) = result;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {target} | {layout} | {size:N0} | {bytes:N0} | {latencies.Count} | {latencies.PerSecond} | {latencies.Percentile(0.50)} | {latencies.Percentile(0.99)} | {latencies.Max} |"));
        return Task.CompletedTask;
    }

    private static async Task<(int, Latencies)> RowsAsync(BenchHost host, int size, TimeSpan duration)
    {
        var id = NewGrainId("rows");
        var state = new GrainState<RowBenchState>(new RowBenchState());
        for (var i = 0; i < size; i++)
        {
            state.State!.Items.Set(ItemKey(i), Item(i, 0));
        }
        await host.Storage.WriteStateAsync("bench", id, state);
        var latencies = await MeasureAsync(duration, async n =>
        {
            state.State!.Revision++;
            state.State.Items.Set(ItemKey(n % size), Item(n % size, n));
            await host.Storage.WriteStateAsync("bench", id, state);
        });
        return (RecordBytes(host, state.State!), latencies);
    }

    private static async Task<(int, Latencies)> RecordAsync(BenchHost host, int size, TimeSpan duration)
    {
        var id = NewGrainId("record");
        var state = new GrainState<BlobBenchState>(new BlobBenchState());
        for (var i = 0; i < size; i++)
        {
            state.State!.Items[ItemKey(i)] = Item(i, 0);
        }
        await host.Storage.WriteStateAsync("bench", id, state);
        var latencies = await MeasureAsync(duration, async n =>
        {
            state.State!.Revision++;
            state.State.Items[ItemKey(n % size)] = Item(n % size, n);
            await host.Storage.WriteStateAsync("bench", id, state);
        });
        return (RecordBytes(host, state.State!), latencies);
    }

    private static async Task<(int, Latencies)> JournalAsync(BenchHost host, int size, TimeSpan duration)
    {
        var id = NewGrainId("journal");
        var state = new GrainState<RowBenchState>(new RowBenchState());
        for (var written = 0; written < size; written += PrimingEventsPerWrite)
        {
            for (var i = written; i < Math.Min(size, written + PrimingEventsPerWrite); i++)
            {
                Append(state.State!);
            }
            await host.Storage.WriteStateAsync("bench", id, state);
        }
        var latencies = await MeasureAsync(duration, async _ =>
        {
            state.State!.Revision++;
            Append(state.State);
            await host.Storage.WriteStateAsync("bench", id, state);
        });
        return (RecordBytes(host, state.State!), latencies);
    }

    private static async Task<Latencies> MeasureAsync(TimeSpan duration, Func<int, Task> write)
    {
        // Unrecorded writes first (a quarter of the time), so code and caches are warm.
        var n = 0;
        for (var warmUp = Stopwatch.StartNew(); warmUp.Elapsed < duration / 4; n++)
        {
            await write(n);
        }
        var latencies = new List<double>();
        var stop = Stopwatch.StartNew();
        for (; stop.Elapsed < duration; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await write(n);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new Latencies(latencies, stop.Elapsed);
    }

    private static void Append(RowBenchState state)
    {
        var sequence = ++state.LastSequence;
        state.Journal.Append(new JournalEvent(Guid.CreateVersion7(), sequence, TimeProvider.System.GetUtcNow(), "bench", "changed",
            string.Create(CultureInfo.InvariantCulture, $$"""{"revision":{{state.Revision}},"note":"state changed by the storage benchmark"}""")));
    }

    private static int RecordBytes<T>(BenchHost host, T state) => host.Serializer.Serialize(state).ToMemory().Length;

    private static string ItemKey(int i) => string.Create(CultureInfo.InvariantCulture, $"AS-2026-{i:D6}");

    private static BenchItem Item(int i, int revision) =>
        new(ItemKey(i), "technical-support/east", 1 + (i % 3), TimeProvider.System.GetUtcNow(), revision);

    private static GrainId NewGrainId(string layout) => GrainId.Create("bench", $"{layout}-{Guid.NewGuid():N}");
}
