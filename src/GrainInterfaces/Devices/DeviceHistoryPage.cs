using System.Collections.Immutable;

namespace AfterSales.Devices;

/// <summary>A page of a device's events, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceHistoryPage")]
public sealed record DeviceHistoryPage(
    [property: Id(0)] ImmutableArray<DeviceEvent> Events,
    [property: Id(1)] int LastSequence);

/// <summary>One change of a device's life: who, when, why, and the status it moved from and to.</summary>
/// <param name="Kind">e.g. <c>shipped</c>, <c>installed</c>, <c>commissioned</c>, <c>commissioningFailed</c>,
/// <c>caseOpened</c>, <c>caseEnded</c>, <c>contractAdded</c>, <c>decommissioned</c>.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceEvent")]
public sealed record DeviceEvent(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] int Sequence,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Kind,
    [property: Id(5)] DeviceStatus? From,
    [property: Id(6)] DeviceStatus? To,
    [property: Id(7)] string? Details);
