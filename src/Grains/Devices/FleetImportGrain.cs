using System.Collections.Immutable;
using System.Diagnostics;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Domain.Reliability;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Reliability;
using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>The fleet import (see <see cref="IFleetImportGrain"/>): checks each customer and model of a batch once,
/// registers the devices a bounded number at a time (each joins its model's device index itself: that shard shares one
/// write among concurrent joins), then tells owners, scheduler and reliability shards in bulk.</summary>
/// <remarks>A stateless worker, so no single grain sees every import; each activation takes one batch at a time.
/// Registering a device one by one costs, besides its own write, a read of its owner, a write of the owner's device
/// list, a scheduler write and a reliability shard write, the last three serial on grains shared by the whole fleet;
/// here they are one write per owner, per bucket and per shard for the batch.</remarks>
[StatelessWorker]
internal sealed class FleetImportGrain(ProductModelCache models, ILogger<FleetImportGrain> logger) : Grain, IFleetImportGrain
{
    /// <summary>Device registrations one batch keeps in flight: enough to fill the storage's group commits, few enough
    /// that a batch does not crowd out other work.</summary>
    internal const int DevicesInFlight = 64;

    public async Task<FleetImportOutcome> ImportAsync(ImmutableArray<FleetImportRow> rows)
    {
        var started = Stopwatch.GetTimestamp();
        var customers = rows.Select(r => r.Request.CustomerId).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => GrainFactory.GetGrain<ICustomerGrain>(id).GetAsync(), StringComparer.Ordinal);
        if (await UnknownReferencesAsync(rows, customers) is { } refused)
        {
            var unknown = Count(refused, DeviceImportStatus.Refused);
            logger.FleetImportRefused(rows.Length, unknown);
            return new FleetImportOutcome(refused, Tried: false);
        }
        var results = await RegisterAsync(rows, customers);
        await HandOnAsync(rows, results);
        var (created, unchanged, conflicts) = (Count(results, DeviceImportStatus.Created), Count(results, DeviceImportStatus.Unchanged),
            Count(results, DeviceImportStatus.Refused));
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.FleetImported(rows.Length, created, unchanged, conflicts, elapsed);
        return new FleetImportOutcome(results, Tried: true);
    }

    /// <summary>Every row's outcome when a row names a customer or model that does not exist (those rows refused, the
    /// others skipped); null when all exist. Each customer and model is read once.</summary>
    private async Task<ImmutableArray<DeviceImportResult>?> UnknownReferencesAsync(
        ImmutableArray<FleetImportRow> rows, Dictionary<string, Task<CustomerSnapshot?>> customers)
    {
        var codes = rows.Select(r => r.Request.Model.Trim()).Distinct(StringComparer.Ordinal)
            .ToDictionary(code => code, code => models.GetAsync(code).AsTask(), StringComparer.Ordinal);
        await Task.WhenAll([.. customers.Values, .. codes.Values]);

        var outcome = ImmutableArray.CreateBuilder<DeviceImportResult>(rows.Length);
        var anyUnknown = false;
        foreach (var row in rows)
        {
            CommandError? error = null;
            if (await customers[row.Request.CustomerId] is null)
            {
                error = CommandError.NotFound($"Customer {row.Request.CustomerId} does not exist.", "customerId");
            }
            else if (await codes[row.Request.Model.Trim()] is null)
            {
                error = CommandError.NotFound($"No product model has the code '{row.Request.Model.Trim()}'; define it first (PUT /api/models/{{code}}).", "model");
            }
            anyUnknown |= error is not null;
            outcome.Add(new DeviceImportResult(error is null ? DeviceImportStatus.Skipped : DeviceImportStatus.Refused, error));
        }
        return anyUnknown ? outcome.MoveToImmutable() : null;
    }

    /// <summary>Registers each row's device, <see cref="DevicesInFlight"/> at a time (the workers' continuations run on
    /// this activation's turn, one at a time, so the shared index needs no lock).</summary>
    private async Task<ImmutableArray<DeviceImportResult>> RegisterAsync(
        ImmutableArray<FleetImportRow> rows, Dictionary<string, Task<CustomerSnapshot?>> customers)
    {
        var results = new DeviceImportResult[rows.Length];
        var next = 0;
        async Task Work()
        {
            while (next < rows.Length)
            {
                var i = next++;
                var region = (await customers[rows[i].Request.CustomerId])!.Region;
                results[i] = await GrainFactory.GetGrain<IDeviceImportGrain>(rows[i].Serial).ImportAsync(rows[i].Request, region);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(DevicesInFlight, rows.Length)).Select(_ => Work()));
        return [.. results];
    }

    /// <summary>Tells the owners, the scheduler and the reliability shards what the stored rows (created and unchanged:
    /// a repeat heals a hand-on lost before) answered, one call each, side by side.</summary>
    private Task HandOnAsync(ImmutableArray<FleetImportRow> rows, ImmutableArray<DeviceImportResult> results)
    {
        var stored = rows.Zip(results).Where(r => r.Second.Status is DeviceImportStatus.Created or DeviceImportStatus.Unchanged).ToList();
        var owners = stored.GroupBy(r => r.Second.CustomerId!, StringComparer.Ordinal)
            .Select(g => GrainFactory.GetGrain<ICustomerGrain>(g.Key).AddDevicesAsync([.. g.Select(r => r.First.Serial)]));
        var shards = stored.Where(r => r.Second.Service is not null)
            .GroupBy(r => ReliabilityKeys.Shard(r.Second.Model!, ReliabilityMath.ShardOf(r.First.Serial)), StringComparer.Ordinal)
            .Select(g => GrainFactory.GetGrain<IReliabilityShardGrain>(g.Key).OnServicesAsync([.. g.Select(r => r.Second.Service!)]));
        List<MaintenanceDue> due = [.. stored.SelectMany(r => r.Second.Due.IsDefault ? [] : r.Second.Due)];
        var scheduled = due.Count == 0 ? Task.CompletedTask : GrainFactory.GetGrain<IMaintenanceScheduleGrain>(0).ScheduleManyAsync(due);
        return Task.WhenAll([.. owners, .. shards, scheduled]);
    }

    private static int Count(ImmutableArray<DeviceImportResult> results, DeviceImportStatus status) => results.Count(r => r.Status == status);
}
