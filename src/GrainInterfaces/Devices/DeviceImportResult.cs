using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Maintenance;
using AfterSales.Reliability;

namespace AfterSales.Devices;

/// <summary>What one device made of its row of a fleet import, and what the import hands on for it.</summary>
/// <param name="Status">Created, unchanged (an identical registration is stored), or refused.</param>
/// <param name="Error">Why it was refused (a conflicting registration of the serial); null otherwise.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Devices.DeviceImportResult")]
public sealed record DeviceImportResult(
    [property: Id(0)] DeviceImportStatus Status,
    [property: Id(1)] CommandError? Error = null)
{
    /// <summary>The owner, whose device list gets the serial.</summary>
    [Id(2)] public string? CustomerId { get; init; }

    /// <summary>The model's code, whose reliability shard gets <see cref="Service"/>.</summary>
    [Id(3)] public string? Model { get; init; }

    /// <summary>The next due occurrence of each time-based plan, for the scheduler's bulk path.</summary>
    [Id(4)] public ImmutableArray<MaintenanceDue> Due { get; init; } = [];

    /// <summary>The device's time in service (registered as installed), for its model's reliability shard.</summary>
    [Id(5)] public DeviceServiceFact? Service { get; init; }
}

/// <summary>The outcome of one row of a fleet import.</summary>
// The numbers cross grain boundaries: never renumber.
[GenerateSerializer, Alias("AfterSales.Devices.DeviceImportStatus")]
public enum DeviceImportStatus
{
    /// <summary>The device was registered by this row.</summary>
    Created = 0,
    /// <summary>The same registration was stored before: nothing changed.</summary>
    Unchanged = 1,
    /// <summary>Refused (see the row's error); nothing of the row was stored.</summary>
    Refused = 2,
    /// <summary>Not tried: the batch was refused as a whole for another row.</summary>
    Skipped = 3,
}
