namespace AfterSales.Audit;

/// <summary>One mutation through the API as the audit record keeps it: who, what, on which resource, with what outcome.
/// Ids only: no request body and no personal data.</summary>
/// <param name="Id">Unique, minted by the API (a version 7 GUID in hex): the entry's row key and the cursor's tie-break.</param>
/// <param name="At">When the API answered (UTC).</param>
/// <param name="Actor">The <c>sub</c> claim of the caller, or <c>anonymous</c>.</param>
/// <param name="Principal">What kind of caller it was.</param>
/// <param name="Action">The endpoint's name (the OpenAPI operation id), e.g. <c>CreateCase</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="TargetType">The resource collection of the route, e.g. <c>cases</c>.</param>
/// <param name="TargetId">The first route value (a case number, a customer id), or the id of a created resource; null
/// when the route names none.</param>
/// <param name="Status">The HTTP status code answered.</param>
/// <param name="CorrelationId">The request's W3C trace id (the <c>traceId</c> of a problem answer contains it).</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, when sent.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Audit.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] AuditPrincipal Principal,
    [property: Id(4)] string Action,
    [property: Id(5)] string Method,
    [property: Id(6)] string TargetType,
    [property: Id(7)] string? TargetId,
    [property: Id(8)] int Status,
    [property: Id(9)] string CorrelationId,
    [property: Id(10)] string? IdempotencyKey)
{
    /// <summary>The outcome class of <see cref="Status"/>.</summary>
    public AuditOutcome Outcome => Status switch
    {
        < 400 => AuditOutcome.Success,
        < 500 => AuditOutcome.ClientError,
        _ => AuditOutcome.ServerError,
    };
}

/// <summary>What kind of caller made a change.</summary>
[GenerateSerializer, Alias("AfterSales.Audit.AuditPrincipal")]
public enum AuditPrincipal
{
    /// <summary>No identity was presented (or none was accepted).</summary>
    Anonymous = 0,

    /// <summary>A person with a role (a bearer token).</summary>
    User = 1,

    /// <summary>An integration authenticated by its API key (it carries scopes).</summary>
    ApiKey = 2,
}

/// <summary>The class of an audited answer's status code.</summary>
[GenerateSerializer, Alias("AfterSales.Audit.AuditOutcome")]
public enum AuditOutcome
{
    /// <summary>1xx-3xx: the change applied (or a replay answered it again).</summary>
    Success = 0,

    /// <summary>4xx: refused; nothing changed.</summary>
    ClientError = 1,

    /// <summary>5xx: failed on the server side; the outcome of the change may be unknown.</summary>
    ServerError = 2,
}
