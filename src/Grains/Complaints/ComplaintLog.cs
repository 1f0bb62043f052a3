using Microsoft.Extensions.Logging;

namespace AfterSales.Complaints;

/// <summary>Log events of complaints (ids 9741–9759).</summary>
internal static partial class ComplaintLog
{
    [LoggerMessage(EventId = 9741, Level = LogLevel.Information, Message = "Complaint {ComplaintId} received: {Severity}, {Category}")]
    public static partial void ComplaintReceived(this ILogger logger, string complaintId, ComplaintSeverity severity, ComplaintCategory category);

    [LoggerMessage(EventId = 9742, Level = LogLevel.Information, Message = "Complaint {ComplaintId}: {Action} ({From} → {To})")]
    public static partial void ComplaintChanged(this ILogger logger, string complaintId, string action, ComplaintStatus from, ComplaintStatus to);

    [LoggerMessage(EventId = 9743, Level = LogLevel.Warning, Message = "Complaint {ComplaintId} could not update its lists; its reminder retries")]
    public static partial void NoticeFailed(this ILogger logger, Exception exception, string complaintId);

    [LoggerMessage(EventId = 9744, Level = LogLevel.Warning, Message = "Complaint {ComplaintId} passed its acknowledgement target {DueAt} unacknowledged")]
    public static partial void AcknowledgementOverdue(this ILogger logger, string complaintId, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 9745, Level = LogLevel.Information, Message = "Complaint {ComplaintId} closed after the customer did not answer by {Deadline}")]
    public static partial void AutoClosed(this ILogger logger, string complaintId, DateTimeOffset deadline);

    [LoggerMessage(EventId = 9746, Level = LogLevel.Warning, Message = "Complaint {ComplaintId}'s clock failed; its reminder retries")]
    public static partial void ClockFailed(this ILogger logger, Exception exception, string complaintId);
}
