namespace AfterSales.Reliability;

/// <summary>A device's or a model's reliability at <paramref name="AsOf"/> (definitions: docs/RELIABILITY.md). Means are
/// null while there is nothing to average.</summary>
/// <param name="Devices">Devices counted (in service or retired after service).</param>
/// <param name="OperatingHours">Time in service of those devices, in hours.</param>
/// <param name="Failures">Fault cases not cancelled.</param>
/// <param name="Repairs">Fault cases resolved.</param>
/// <param name="MtbfHours">Operating hours per failure; null without failures.</param>
/// <param name="MttrHours">Mean open → resolved time of the repairs, in hours; null without repairs.</param>
/// <param name="MeanMinutesOnSite">Mean time on site per repair, in minutes; null without repairs.</param>
/// <param name="CasesVisited">Cases not cancelled with at least one visit.</param>
/// <param name="FirstTimeFixes">Of those, cases whose one and only visit fixed them.</param>
/// <param name="FirstTimeFixRate">FirstTimeFixes / CasesVisited (0 to 1); null without visited cases.</param>
/// <param name="Visits">Visits recorded on those cases.</param>
/// <param name="FollowUps">Visits that needed a follow-up.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReliabilityFigures")]
public sealed record ReliabilityFigures(
    [property: Id(0)] DateTimeOffset AsOf,
    [property: Id(1)] long Devices,
    [property: Id(2)] double OperatingHours,
    [property: Id(3)] long Failures,
    [property: Id(4)] long Repairs,
    [property: Id(5)] double? MtbfHours,
    [property: Id(6)] double? MttrHours,
    [property: Id(7)] double? MeanMinutesOnSite,
    [property: Id(8)] long CasesVisited,
    [property: Id(9)] long FirstTimeFixes,
    [property: Id(10)] double? FirstTimeFixRate,
    [property: Id(11)] long Visits,
    [property: Id(12)] long FollowUps);
