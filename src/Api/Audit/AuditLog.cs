using AfterSales.Audit;

namespace AfterSales.Api.Audit;

/// <summary>Log events of the audit record and of erasure (9960–9969). Ids only.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 9960, Level = LogLevel.Error, Message = "Audit entry {EntryId} could not be stored; the answer {Status} to {Method} {Action} on {TargetType} {TargetId} (trace {CorrelationId}, actor {Actor}) was replaced by 503")]
    public static partial void AuditWriteFailed(this ILogger logger, Exception exception, string entryId, int status, string method,
        string action, string targetType, string? targetId, string correlationId, string actor);

    [LoggerMessage(EventId = 9961, Level = LogLevel.Information, Message = "Customer {CustomerId} erased by {Actor}: {Phones} phone(s), {Emails} e-mail(s), {Cases} case summary(ies)")]
    public static partial void CustomerErased(this ILogger logger, string customerId, string actor, int phones, int emails, int cases);
}
