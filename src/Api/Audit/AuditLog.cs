using AfterSales.Api.Privacy;

namespace AfterSales.Api.Audit;

/// <summary>Log events of the audit record and of erasure (9960–9969): ids, and the actor classified as personal data
/// (a subject may be an e-mail address), so it is redacted.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 9960, Level = LogLevel.Error, Message = "Audit entry {EntryId} could not be stored; the answer {Status} to {Method} {Action} on {TargetType} {TargetId} (trace {CorrelationId}, actor {Actor}) was replaced by 503")]
    public static partial void AuditWriteFailed(this ILogger logger, Exception exception, string entryId, int status, string method,
        string action, string targetType, string? targetId, string correlationId, [PersonalData] string actor);

    [LoggerMessage(EventId = 9961, Level = LogLevel.Information, Message = "Customer {CustomerId} erased by {Actor}: {NumberCount} number(s), {MailboxCount} mailbox(es), {CaseCount} case subject(s)")]
    public static partial void CustomerErased(this ILogger logger, string customerId, [PersonalData] string actor, int numberCount, int mailboxCount, int caseCount);
}
