using Microsoft.Extensions.Logging;

namespace AfterSales.Reliability;

/// <summary>Log events of visits and reliability (9501–9529).</summary>
internal static partial class ReliabilityLog
{
    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Case {CaseNumber}: visit {VisitId} recorded, {Outcome}")]
    public static partial void VisitRecorded(this ILogger logger, string caseNumber, int visitId, Cases.VisitOutcome outcome);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Warning, Message = "Device {Serial} could not pass case {CaseNumber} on to reliability shard {Shard}; the case's next fact passes it again")]
    public static partial void CaseWorkForwardFailed(this ILogger logger, Exception exception, string serial, string caseNumber, string shard);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Warning, Message = "Device {Serial} could not report its time in service to reliability shard {Shard}; its next change reports it again")]
    public static partial void ServiceReportFailed(this ILogger logger, Exception exception, string serial, string shard);

    [LoggerMessage(EventId = 9505, Level = LogLevel.Debug, Message = "Reliability shard {Shard}: stale fact for {Subject} (revision {Revision} < {Held}) ignored")]
    public static partial void StaleFact(this ILogger logger, string shard, string subject, int revision, int held);
}
