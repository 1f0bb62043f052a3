namespace AfterSales.Reliability;

/// <summary>Sums from which reliability figures follow (see docs/RELIABILITY.md). Time in service is kept so that it can be
/// read at any moment without visiting devices: a device in service adds <c>now − start</c>, i.e. the count of devices
/// in service times now, minus the sum of their start times; a decommissioned one adds its fixed length.</summary>
/// <param name="DevicesInService">Devices in service now.</param>
/// <param name="InServiceStartSeconds">Sum of their entry into service, in Unix seconds.</param>
/// <param name="DevicesRetired">Decommissioned devices that had been in service.</param>
/// <param name="RetiredServiceSeconds">Sum of the retired devices' time in service, in seconds.</param>
/// <param name="Failures">Fault cases not cancelled.</param>
/// <param name="Repairs">Fault cases resolved (or closed after resolving).</param>
/// <param name="RepairSeconds">Sum of the repairs' open → resolved times, in seconds.</param>
/// <param name="RepairMinutesOnSite">Sum of the repairs' time on site, in minutes.</param>
/// <param name="CasesVisited">Cases not cancelled with at least one visit.</param>
/// <param name="FirstTimeFixes">Of those, the cases whose one and only visit fixed them.</param>
/// <param name="Visits">Visits of the cases not cancelled.</param>
/// <param name="FollowUps">Of those, visits that needed a follow-up.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReliabilityTotals")]
public sealed record ReliabilityTotals(
    [property: Id(0)] long DevicesInService = 0,
    [property: Id(1)] long InServiceStartSeconds = 0,
    [property: Id(2)] long DevicesRetired = 0,
    [property: Id(3)] long RetiredServiceSeconds = 0,
    [property: Id(4)] long Failures = 0,
    [property: Id(5)] long Repairs = 0,
    [property: Id(6)] long RepairSeconds = 0,
    [property: Id(7)] long RepairMinutesOnSite = 0,
    [property: Id(8)] long CasesVisited = 0,
    [property: Id(9)] long FirstTimeFixes = 0,
    [property: Id(10)] long Visits = 0,
    [property: Id(11)] long FollowUps = 0)
{
    public static ReliabilityTotals Zero { get; } = new();
}
