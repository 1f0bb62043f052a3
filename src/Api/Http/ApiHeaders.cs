namespace AfterSales.Api.Http;

/// <summary>Names of the request and response headers the API defines.</summary>
internal static class ApiHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IdempotentReplayed = "Idempotent-Replayed";
    public const string IfMatch = "If-Match";
    public const string IfNoneMatch = "If-None-Match";
    public const string Actor = "X-Actor";
    public const string ContentType = "Content-Type";
}
