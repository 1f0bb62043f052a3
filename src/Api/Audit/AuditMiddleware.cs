using System.Diagnostics;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Audit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;

namespace AfterSales.Api.Audit;

/// <summary>
/// Appends one audit entry for every change attempted under <c>/api</c> (every method but GET, HEAD, OPTIONS and TRACE
/// that reached an endpoint), whatever its outcome.
/// </summary>
/// <remarks>
/// No acknowledgement without its entry: the answer is held in memory until the entry is durable and only then sent.
/// When the entry cannot be stored, the client gets 503 instead of the answer — the change itself may have applied (as
/// after a timeout): a retry with the same <c>Idempotency-Key</c>, or a read, tells, and that request is audited in turn.
/// The entry is logged (ids only) so an operator can reconcile. Changes answer small bodies, so holding them costs little;
/// reads are never held. This middleware runs outside the rest of the pipeline, so it sees the final status of every
/// answer (problem answers, 413, 429 included) and the caller that authentication found.
/// </remarks>
internal sealed class AuditMiddleware(RequestDelegate next, IGrainFactory grains, IServiceProvider services, ILogger<AuditMiddleware> logger)
{
    private readonly TimeProvider time = services.GetService<TimeProvider>() ?? TimeProvider.System;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsChange(request))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var body = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await next(context);
        }
        catch when (context.GetEndpoint() is RouteEndpoint endpoint && !response.HasStarted)
        {
            // Escaped the exception handler: still audited, as the 500 the server will answer.
            response.Body = body;
            await TryAppendAsync(context, endpoint, StatusCodes.Status500InternalServerError);
            throw;
        }
        finally
        {
            response.Body = body;
        }
        if (EndpointOf(context) is { } audited && !await TryAppendAsync(context, audited, response.StatusCode))
        {
            await AnswerUnauditedAsync(context);
            return;
        }
        held.Position = 0;
        await held.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>The endpoint that took the request: the exception handler clears it from the context before it answers
    /// (a malformed body, say), and keeps it in its feature.</summary>
    private static RouteEndpoint? EndpointOf(HttpContext context) =>
        (context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) as RouteEndpoint;

    private static RouteValueDictionary RouteValuesOf(HttpContext context) =>
        context.Request.RouteValues.Count > 0 || context.Features.Get<IExceptionHandlerFeature>()?.RouteValues is not { } kept
            ? context.Request.RouteValues
            : kept;

    private static bool IsChange(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && !HttpMethods.IsOptions(request.Method) && !HttpMethods.IsTrace(request.Method);

    private async Task<bool> TryAppendAsync(HttpContext context, RouteEndpoint endpoint, int status)
    {
        var entry = Entry(context, endpoint, status);
        try
        {
            await grains.GetGrain<IAuditLogGrain>(AuditKeys.LogOf(entry)).AppendAsync(entry);
            return true;
        }
        catch (Exception exception)
        {
            logger.AuditWriteFailed(exception, entry.Id, entry.Status, entry.Method, entry.Action, entry.TargetType, entry.TargetId,
                entry.CorrelationId, entry.Actor);
            return false;
        }
    }

    private AuditEntry Entry(HttpContext context, RouteEndpoint endpoint, int status)
    {
        var (actor, principal) = AuditCaller.Of(context.User);
        var (targetType, targetId) = Target(context, endpoint.RoutePattern, status);
        var key = context.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        var now = time.GetUtcNow();
        return new AuditEntry(
            Guid.CreateVersion7(now).ToString("N"),
            now,
            actor,
            principal,
            endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"{context.Request.Method} {endpoint.RoutePattern.RawText}",
            context.Request.Method,
            targetType,
            targetId,
            status,
            Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier,
            // An over-long or unprintable key is refused by the endpoint; the record keeps none rather than any text.
            RequestHeaders.IsIdempotencyKey(key) ? key : null);
    }

    /// <summary>The route's resource collection (its first literal segment after <c>/api</c>) and the first route value
    /// — never the CTI token, a secret — or, for a create, the last segment of the <c>Location</c> answered.</summary>
    internal static (string Type, string? Id) Target(HttpContext context, RoutePattern pattern, int status)
    {
        var type = pattern.PathSegments.Skip(1)
            .FirstOrDefault(segment => segment.IsSimple && segment.Parts[0].IsLiteral) is { } literal
            ? ((RoutePatternLiteralPart)literal.Parts[0]).Content
            : "api";
        var id = pattern.Parameters
            .Where(parameter => parameter.Name != "token")
            .Select(parameter => RouteValuesOf(context)[parameter.Name]?.ToString())
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (id is null && status == StatusCodes.Status201Created
            && Uri.TryCreate(context.Response.Headers.Location.ToString(), UriKind.RelativeOrAbsolute, out var location))
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            id = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]) is { Length: > 0 } created ? created : null;
        }
        return (type, id);
    }

    private static async Task AnswerUnauditedAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "1";
        var problem = ApiProblems.Details(StatusCodes.Status503ServiceUnavailable,
            new Dictionary<string, string[]> { [ApiProblems.Body] = [UnauditedMessage] }, UnauditedMessage);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    internal const string UnauditedMessage = "The audit record could not store this change's entry, so its answer is withheld: "
        + "the change may have been applied. Retry with the same Idempotency-Key, or read the resource, once the service is back.";
}
