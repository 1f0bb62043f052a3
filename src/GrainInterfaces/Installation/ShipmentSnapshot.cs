using System.Collections.Immutable;

namespace AfterSales.Installation;

/// <summary>A shipment as seen from outside its grain.</summary>
/// <param name="Status"><see cref="ShipmentStatus.Processing"/> until every device is registered and every work
/// order opened.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ShipmentSnapshot")]
public sealed record ShipmentSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string? Site,
    [property: Id(3)] DateOnly ShippedOn,
    [property: Id(4)] InstallationWindow? Window,
    [property: Id(5)] ImmutableArray<ShipmentLine> Devices,
    [property: Id(6)] ShipmentStatus Status,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? CompletedAt);

/// <summary>One device of a shipment and how far its steps got.</summary>
/// <param name="WorkOrderNumber">The installation work order's case number (reserved before it is opened); null
/// when the shipment has no installation window.</param>
/// <param name="Registered">The device is registered as shipped.</param>
/// <param name="WorkOrderOpened">The work order is open (always false without a window).</param>
/// <param name="Problem">Why a step of this device was refused (e.g. its serial was registered by someone else after
/// the shipment was checked); null when none was.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ShipmentLine")]
public sealed record ShipmentLine(
    [property: Id(0)] string Serial,
    [property: Id(1)] string Model,
    [property: Id(2)] string? WorkOrderNumber,
    [property: Id(3)] bool Registered,
    [property: Id(4)] bool WorkOrderOpened,
    [property: Id(5)] string? Problem = null);

/// <summary>Where a shipment is. Stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.ShipmentStatus")]
public enum ShipmentStatus
{
    /// <summary>Accepted; registrations and work orders are still being made (a replay, or the shipment itself within a
    /// minute, completes them).</summary>
    Processing = 0,
    /// <summary>Every step is done: each device registered and its work order open, or its problem recorded.</summary>
    Completed = 1,
}
