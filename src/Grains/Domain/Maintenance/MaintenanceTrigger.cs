using AfterSales.Maintenance;

namespace AfterSales.Domain.Maintenance;

/// <summary>Why the device is to open a maintenance work order: one occurrence of a plan (time or usage) or one
/// episode of a condition rule. <see cref="SourceId"/> and <see cref="Period"/> together are the key of exactly-once:
/// a second trigger with the same pair answers the work order the first one opened.</summary>
/// <param name="Kind">Time, usage or condition.</param>
/// <param name="SourceId">The plan id (time, usage) or the condition rule id (condition).</param>
/// <param name="Period">Stable name of the occurrence within the source, e.g. <c>2027-03-01</c>,
/// <c>operatingHours@5000</c>, or a condition episode's start.</param>
/// <param name="Evidence">What triggered it, in words (e.g. "operatingHours 5012 ≥ 5000"; a rule's values and window).</param>
/// <param name="Window">When it is due and until when it is on time.</param>
internal sealed record MaintenanceTrigger(
    MaintenanceTriggerKind Kind,
    string SourceId,
    string Period,
    string Evidence,
    DueWindow Window);
