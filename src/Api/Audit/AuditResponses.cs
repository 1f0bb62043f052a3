using AfterSales.Audit;

namespace AfterSales.Api.Audit;

/// <summary>A page of the audit record, newest entry first.</summary>
/// <param name="Entries">The entries of the page.</param>
/// <param name="Next">The cursor of the following page; null when no entry of the range follows.</param>
internal sealed record AuditPageResponse(AuditEntryResponse[] Entries, string? Next);

/// <summary>One change attempted through the API. Ids only: no request body and no personal data.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="At">When the API answered (UTC).</param>
/// <param name="Actor">The caller's subject (the sub claim), or anonymous.</param>
/// <param name="Principal">What kind of caller: anonymous, user (a person with a role) or apiKey (an integration).</param>
/// <param name="Action">The operation id of the endpoint, as in this document.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="TargetType">The resource collection, e.g. cases.</param>
/// <param name="TargetId">The resource's id from the route, or the id a create answered; null when there is none.</param>
/// <param name="Outcome">success (1xx-3xx), clientError (4xx) or serverError (5xx).</param>
/// <param name="Status">The status code answered.</param>
/// <param name="CorrelationId">The request's W3C trace id.</param>
/// <param name="IdempotencyKey">The Idempotency-Key sent, if any.</param>
internal sealed record AuditEntryResponse(
    string Id,
    DateTimeOffset At,
    string Actor,
    AuditPrincipal Principal,
    string Action,
    string Method,
    string TargetType,
    string? TargetId,
    AuditOutcome Outcome,
    int Status,
    string CorrelationId,
    string? IdempotencyKey)
{
    public static AuditEntryResponse From(AuditEntry entry) => new(
        entry.Id, entry.At, entry.Actor, entry.Principal, entry.Action, entry.Method, entry.TargetType, entry.TargetId,
        entry.Outcome, entry.Status, entry.CorrelationId, entry.IdempotencyKey);
}
