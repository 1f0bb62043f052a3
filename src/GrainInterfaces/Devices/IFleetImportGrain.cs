using System.Collections.Immutable;

namespace AfterSales.Devices;

/// <summary>Registers a fleet of devices in bulk (a stateless worker, key 0): <c>POST /api/devices/batch</c> and the
/// bench's fleet registration call it, one batch per call.</summary>
[Alias("AfterSales.Devices.IFleetImportGrain")]
public interface IFleetImportGrain : IGrainWithIntegerKey
{
    /// <summary>Checks every row's customer and model first (an unknown one refuses the whole batch, nothing stored);
    /// then registers each device (a bounded number at a time), and hands what they answer on in bulk: one device-list
    /// write per owner, the scheduler's bulk path for the plans' next occurrences, one write per reliability shard.
    /// Returns once all of it is durable; on an exception some devices may be stored: repeat the batch (stored rows are
    /// unchanged, and their hand-overs are repeated). A batch of 1,000 does about 3,000 writes, seconds on PostgreSQL:
    /// longer than the client's default response timeout allows.</summary>
    [Alias("Import"), ResponseTimeout("00:01:00")]
    Task<FleetImportOutcome> ImportAsync(ImmutableArray<FleetImportRow> rows);
}

/// <summary>One row of a fleet import: the device's serial number and its registration.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Devices.FleetImportRow")]
public sealed record FleetImportRow([property: Id(0)] string Serial, [property: Id(1)] RegisterDeviceRequest Request);

/// <summary>The outcome of a fleet import, row by row.</summary>
/// <param name="Rows">Each row's status; a refused row names the field at fault (<c>customerId</c>, <c>model</c>,
/// <c>serial</c>) in its error.</param>
/// <param name="Tried">False when the batch was refused as a whole because a row names an unknown customer or model:
/// nothing was stored, and rows without an error were not tried.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Devices.FleetImportOutcome")]
public sealed record FleetImportOutcome(
    [property: Id(0)] ImmutableArray<DeviceImportResult> Rows,
    [property: Id(1)] bool Tried);
