using System.Collections.Immutable;
using System.Diagnostics;
using AfterSales.Bench.Drivers;
using AfterSales.Bench.Drivers.InProc;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Models;
using static AfterSales.Bench.Reporting.Text;

namespace AfterSales.Bench.Scenarios;

/// <summary>
/// Registers the maintenance scenario's fleet as devices (<c>--register-devices</c>): customers of 1,000 devices each (the
/// most a customer lists), one model whose plan falls due every <c>horizon + 2</c> days, and the devices in service since
/// days spread over the horizon, so their first occurrences fall due evenly over it from two days on — after any run.
/// They go through the fleet import (<see cref="IFleetImportGrain"/>), the grain path of <c>POST /api/devices/batch</c>,
/// 1,000 rows per batch in due-date order, as an ERP export sorted by installation day.
/// </summary>
/// <remarks>The grain path in-process, not HTTP: the maintenance scenario runs in-process (its sink is a silo filter), and
/// the endpoint adds only the JSON of the rows, which the bench would pay in the same process.</remarks>
internal sealed class FleetRegistration(InProcTarget target, string runTag, int devices, TimeSpan horizon, IReadOnlyList<string> regions, bool oneByOne)
{
    public const int DevicesPerCustomer = 1000;
    public const int BatchRows = 1000;
    private const int BatchesInFlight = 4;

    /// <summary>Registrations in flight one at a time (<c>--per-entry</c>), as the scheduler's per-entry comparison.</summary>
    private const int OneByOneInFlight = 256;
    private const string PlanId = "fleet-service";

    private int HorizonDays => Math.Max(1, (int)horizon.TotalDays);

    public string Model => $"BM-{runTag}";

    /// <summary>Seeds the customers and the model, imports the fleet; returns the setup lines and the scheduler entries
    /// the devices handed on (for the bucket count), and the import's rate in devices per second.</summary>
    public async Task<(IReadOnlyList<string> Lines, IReadOnlyList<MaintenanceDue> Held, double PerSecond)> RunAsync(CancellationToken cancellationToken)
    {
        var customers = Enumerable.Range(0, (devices + DevicesPerCustomer - 1) / DevicesPerCustomer).Select(i => new CustomerSeed(
            $"C-{runTag}-{i:D5}", $"Fleet Customer {i}", $"+86137{i:D8}", $"f{i}.{runTag}@bench.example.com",
            regions[i % regions.Count], (CustomerTier)(i % 3), "en")).ToList();
        List<string> lines = [await Batch.RunAsync("fleet customers seeded", customers, target.RegisterCustomerAsync, cancellationToken)];
        var plan = new MaintenancePlanTemplate(PlanId, "Fleet service", HorizonDays + 2, ["Inspect"], 60);
        var defined = await target.Grains.GetGrain<IProductModelGrain>(Model).DefineAsync(
            new DefineProductModelRequest($"Bench fleet model {runTag}", [], [], [], [plan], [], 24, "bench"));
        if (defined.Error is { } error)
        {
            throw new BenchException($"Setup failed (fleet model): {error.Message}");
        }

        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var before = target.StorageCounts?.Snapshot();
        var held = new List<MaintenanceDue>(devices);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        TimeSpan elapsed;
        if (oneByOne)
        {
            await RegisterOneByOneAsync(customers, today, cancellationToken);
            elapsed = Stopwatch.GetElapsedTime(started);
            held.AddRange(await Task.WhenAll(Enumerable.Range(0, devices).Select(async k =>
                (await target.Grains.GetGrain<IDeviceGrain>(Serial(k)).GetMaintenanceAsync())!.Plans[0].Next!)));
        }
        else
        {
            await Parallel.ForEachAsync(Batches(customers, today), new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
                async (rows, _) =>
                {
                    var outcome = await target.Grains.GetGrain<IFleetImportGrain>(0).ImportAsync(rows);
                    if (outcome.Rows.FirstOrDefault(r => r.Status != DeviceImportStatus.Created) is { } refused)
                    {
                        throw new BenchException($"Setup failed (fleet import): a row was {refused.Status}: {refused.Error?.Message}");
                    }
                    lock (held)
                    {
                        held.AddRange(outcome.Rows.SelectMany(r => r.Due));
                    }
                });
            elapsed = Stopwatch.GetElapsedTime(started);
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var rate = devices / elapsed.TotalSeconds;
        var how = oneByOne
            ? Invariant($"one at a time (IDeviceGrain.RegisterAsync, the path of POST /api/devices, {OneByOneInFlight} in flight)")
            : Invariant($"through the fleet import ({BatchRows:N0} rows per batch, {BatchesInFlight} batches in flight, in due-date order)");
        lines.Add(Invariant($"fleet: {devices:N0} devices registered {how} in {elapsed.TotalSeconds:0.0} s ({rate:N0}/s; {cpu.TotalMilliseconds * 1000 / devices:N0} µs of CPU per device, {cpu / elapsed:0.00} cores), model {Model} with a plan every {HorizonDays + 2} days, first occurrences due over {HorizonDays} days from 2 days on"));
        if (before is not null && target.StorageCounts?.Snapshot().Minus(before) is { } writes)
        {
            lines.Add("writes per device registered: " + string.Join(", ", writes.PerOperation(devices)
                .Select(w => Invariant($"{w.StateName} {w.WritesPerOperation:0.###}"))));
        }
        return (lines, held, rate);
    }

    /// <summary>The single path, for comparison (<c>--per-entry</c>): each device checks its owner, writes itself, adds
    /// itself to its owner's list, schedules its occurrence and reports to its shard.</summary>
    private Task RegisterOneByOneAsync(List<CustomerSeed> customers, DateOnly today, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, devices), new ParallelOptions { MaxDegreeOfParallelism = OneByOneInFlight, CancellationToken = cancellationToken },
            async (k, _) =>
            {
                var registered = await target.Grains.GetGrain<IDeviceGrain>(Serial(k)).RegisterAsync(Request(customers, today, k));
                if (registered.Error is { } error)
                {
                    throw new BenchException($"Setup failed (device registration): {error.Message}");
                }
            });

    /// <summary>The rows in batches, the devices in service longest first (their occurrences fall due first); device k
    /// belongs to customer k / 1,000.</summary>
    private IEnumerable<ImmutableArray<FleetImportRow>> Batches(List<CustomerSeed> customers, DateOnly today)
    {
        for (var start = 0; start < devices; start += BatchRows)
        {
            yield return [.. Enumerable.Range(start, Math.Min(BatchRows, devices - start)).Select(k => new FleetImportRow(Serial(k), Request(customers, today, k)))];
        }
    }

    private string Serial(int k) => $"FD-{runTag}-{k:D7}";

    private RegisterDeviceRequest Request(List<CustomerSeed> customers, DateOnly today, int k)
    {
        var daysInService = HorizonDays - 1 - (int)((long)k * HorizonDays / devices);
        return new RegisterDeviceRequest(Model, customers[k / DevicesPerCustomer].Id, null, today.AddDays(-daysInService), null)
        {
            RequestHash = $"bench-{runTag}",
            Actor = "bench",
        };
    }
}
