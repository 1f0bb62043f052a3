using Microsoft.Extensions.Logging;

namespace AfterSales.Cases;

/// <summary>Log events of the case grains.</summary>
internal static partial class CaseLog
{
    // Debug, not Information: every case's opening is in its journal and history already; at intake rates an
    // Information line per case made the console logger's queue lock a point of contention for the grain threads.
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Case {CaseNumber} opened for {DepartmentRegion}")]
    public static partial void CaseOpened(this ILogger logger, string caseNumber, string departmentRegion);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Case {CaseNumber}: {Action} {From} -> {To}")]
    public static partial void CaseChanged(this ILogger logger, string caseNumber, string action, CaseStatus from, CaseStatus to);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Reopened case {CaseNumber} was refused by {TechnicianId} ({Reason}); routing it again")]
    public static partial void ReopenRefused(this ILogger logger, string caseNumber, string technicianId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Could not update the recent-case list of customer {CustomerId} for case {CaseNumber}")]
    public static partial void SummaryFailed(this ILogger logger, Exception exception, string customerId, string caseNumber);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Case {CaseNumber} moved from {From} to {To} ({Action})")]
    public static partial void CaseMoved(this ILogger logger, string caseNumber, string from, string to, string action);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Case {CaseNumber} returned to the queue of {DepartmentRegion}: technician {TechnicianId} dropped it")]
    public static partial void CaseReturnedToQueue(this ILogger logger, string caseNumber, string departmentRegion, string technicianId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Case {CaseNumber} is unroutable in {DepartmentRegion}: {Detail}")]
    public static partial void CaseUnroutable(this ILogger logger, string caseNumber, string departmentRegion, string detail);
}
