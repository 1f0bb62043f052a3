using AfterSales.Reliability;

namespace AfterSales.Devices;

/// <summary>What a fault, maintenance or installation case about the device tells it after each of its writes, in one
/// message: the case as it stands now — its status (the device's status follows its open cases), its reliability fact,
/// and where it is routed (a maintenance work order's place in its region's overdue list). The case's whole state, not a
/// delta: idempotent per case, and a notice older than the case fact the device holds is stale.</summary>
/// <param name="Work">The case's fact; its revision is the case's version.</param>
/// <param name="Department">The department the case is in now (slug, e.g. <c>maintenance</c>).</param>
/// <param name="Region">The region the case is in now.</param>
/// <param name="At">When the case told it (the time of an opening or ending in the device's history).</param>
/// <param name="Actor">Who changed the case.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceCaseNotice")]
public sealed record DeviceCaseNotice(
    [property: Id(0)] CaseWorkFact Work,
    [property: Id(1)] string Department,
    [property: Id(2)] string Region,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor);
