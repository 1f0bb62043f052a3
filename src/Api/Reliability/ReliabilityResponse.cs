using AfterSales.Reliability;

namespace AfterSales.Api.Reliability;

/// <summary>Reliability of a device or a model at <paramref name="AsOf"/>; definitions in docs/RELIABILITY.md. A mean is
/// null while there is nothing to average.</summary>
/// <param name="Devices">Devices counted: in service now, or retired after being in service (a device's own figures: 1, or 0 before it entered service).</param>
/// <param name="OperatingHours">Time in service up to now (or decommissioning), in hours (0.01).</param>
/// <param name="Failures">Fault cases about the devices, not cancelled.</param>
/// <param name="Repairs">Of those, the ones resolved (or closed after resolving).</param>
/// <param name="MtbfHours">Mean time between failures: operatingHours / failures; null without failures.</param>
/// <param name="MttrHours">Mean time to repair: the mean of the repairs' open → resolved time, in hours; null without repairs.</param>
/// <param name="MeanMinutesOnSite">Mean time on site per repair (all its visits), in minutes; null without repairs.</param>
/// <param name="CasesVisited">Fault, maintenance and installation cases, not cancelled, with at least one visit.</param>
/// <param name="FirstTimeFixes">Of those, the cases whose one and only visit fixed them.</param>
/// <param name="FirstTimeFixRate">firstTimeFixes / casesVisited, 0 to 1; null without visited cases.</param>
/// <param name="Visits">Visits on those cases.</param>
/// <param name="FollowUps">Visits that ended with followUpNeeded.</param>
public sealed record ReliabilityResponse(
    DateTimeOffset AsOf,
    long Devices,
    double OperatingHours,
    long Failures,
    long Repairs,
    double? MtbfHours,
    double? MttrHours,
    double? MeanMinutesOnSite,
    long CasesVisited,
    long FirstTimeFixes,
    double? FirstTimeFixRate,
    long Visits,
    long FollowUps)
{
    internal static ReliabilityResponse From(ReliabilityFigures f) => new(
        f.AsOf, f.Devices, f.OperatingHours, f.Failures, f.Repairs, f.MtbfHours, f.MttrHours, f.MeanMinutesOnSite,
        f.CasesVisited, f.FirstTimeFixes, f.FirstTimeFixRate, f.Visits, f.FollowUps);
}
