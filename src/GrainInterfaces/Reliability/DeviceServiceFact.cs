namespace AfterSales.Reliability;

/// <summary>A device's time in service, sent by the device to its model's reliability shard whenever it changes
/// (entry into service, decommissioning). It replaces the device's earlier fact.</summary>
/// <param name="InServiceFrom">When the device entered service (commissioning accepted, or the installation day it was
/// registered with, at 00:00 UTC).</param>
/// <param name="OutOfServiceAt">When it was decommissioned; null while in service.</param>
/// <param name="Revision">The device's version when the fact was taken.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceServiceFact")]
public sealed record DeviceServiceFact(
    [property: Id(0)] string Serial,
    [property: Id(1)] DateTimeOffset InServiceFrom,
    [property: Id(2)] DateTimeOffset? OutOfServiceAt,
    [property: Id(3)] int Revision);
