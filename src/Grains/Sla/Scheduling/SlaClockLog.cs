using AfterSales.Cases;
using Microsoft.Extensions.Logging;

namespace AfterSales.Sla.Scheduling;

/// <summary>Log events of live SLA clocks: the buckets, the cases' milestones and actions (event ids 9781-9799).</summary>
internal static partial class SlaClockLog
{
    [LoggerMessage(EventId = 9781, Level = LogLevel.Debug, Message = "SLA bucket {BucketKey} woke {Woken} of {Due} cases in {ElapsedMs} ms; {Remaining} held")]
    public static partial void SlaBucketTicked(this ILogger logger, string bucketKey, int woken, int due, double elapsedMs, int remaining);

    [LoggerMessage(EventId = 9782, Level = LogLevel.Warning, Message = "SLA bucket {BucketKey}: {Failed} cases did not answer and are woken again at the next reminder tick")]
    public static partial void SlaWakesFailed(this ILogger logger, Exception firstFailure, string bucketKey, int failed);

    [LoggerMessage(EventId = 9783, Level = LogLevel.Warning, Message = "SLA bucket {BucketKey} could not finish a tick; its timer tries again in a second and its reminder within a minute")]
    public static partial void SlaBucketTickFailed(this ILogger logger, Exception exception, string bucketKey);

    [LoggerMessage(EventId = 9784, Level = LogLevel.Information, Message = "Case {CaseNumber}: SLA {Target} {Milestone}, due {DueAt:O}")]
    public static partial void SlaMilestoneReached(this ILogger logger, string caseNumber, string target, string milestone, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 9785, Level = LogLevel.Warning, Message = "Case {CaseNumber}: registering its next SLA instant {FireAt:O} failed; it registers again with its next change or activation")]
    public static partial void SlaScheduleFailed(this ILogger logger, Exception exception, string caseNumber, DateTimeOffset fireAt);

    [LoggerMessage(EventId = 9786, Level = LogLevel.Information, Message = "Case {CaseNumber}: priority {From} → {To} by {Origin}")]
    public static partial void CasePriorityChanged(this ILogger logger, string caseNumber, CasePriority from, CasePriority to, string origin);

    [LoggerMessage(EventId = 9787, Level = LogLevel.Debug, Message = "Case {CaseNumber} queued in {DepartmentRegion} takes its place for priority {Priority}")]
    public static partial void CaseReprioritized(this ILogger logger, string caseNumber, string departmentRegion, CasePriority priority);
}
