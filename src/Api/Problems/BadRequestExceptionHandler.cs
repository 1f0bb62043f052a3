using System.Text.Json;
using AfterSales.Api.Http;
using AfterSales.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Problems;

/// <summary>Answers request-binding failures (thrown because <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on)
/// with precise ProblemDetails: the JSON path and what was expected there, the content type, the missing body.
/// The cluster's passing failures (<see cref="ClusterFailures"/>: a timed-out call, a silo lost during failover, an
/// overloaded gateway, a stopping server, a store that could not serve the grain) become 503 with <c>Retry-After</c>.
/// Anything else is left to the default 500 answer.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ClusterFailures.Classify(exception) is { } failure)
        {
            return await WriteAsync(httpContext, exception, ServiceUnavailable(httpContext, failure));
        }
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException jsonError } => Json(httpContext, jsonError),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ApiProblems.Details(
                StatusCodes.Status415UnsupportedMediaType,
                One(ApiHeaders.ContentType, NotJson(httpContext)),
                "The request body must be JSON."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.Details(
                StatusCodes.Status413PayloadTooLarge, One(ApiProblems.Body, TooLarge(httpContext)), TooLarge(httpContext)),
            BadHttpRequestException bad => ApiProblems.Details(bad.StatusCode,
                One(ApiProblems.Body, bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
                    ? "A JSON request body is required."
                    : bad.Message),
                "The request could not be read."),
            _ => null,
        };
        return problem is not null && await WriteAsync(httpContext, exception, problem);
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, Exception exception, HttpValidationProblemDetails problem)
    {
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The message of a body over the size limit (also used for 413s Kestrel produces itself).</summary>
    public static string TooLarge(HttpContext httpContext)
    {
        var limit = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is null ? "The request body is too large." : $"The request body must not exceed {limit} bytes.";
    }

    /// <summary>The message of a body that is not JSON (also used for 415s answered without an exception).</summary>
    public static string NotJson(HttpContext httpContext) =>
        $"Send the body as application/json, not '{httpContext.Request.ContentType ?? "(no content type)"}'.";

    private HttpValidationProblemDetails Json(HttpContext httpContext, JsonException error)
    {
        // The exception handler middleware clears the request's endpoint; the feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var (field, message) = JsonErrorDescriber.Describe(error, bodyType, json.Value.SerializerOptions);
        return ApiProblems.Details(StatusCodes.Status400BadRequest, One(field, message), "The request body could not be read.");
    }

    /// <summary>503 with <c>Retry-After: 1</c>: every cluster failure passes within seconds (a silo is declared dead and
    /// its grains move within about five), and a client that retries sooner only adds load.</summary>
    private static HttpValidationProblemDetails ServiceUnavailable(HttpContext httpContext, ClusterFailure failure)
    {
        httpContext.Response.Headers.RetryAfter = "1";
        var message = failure switch
        {
            ClusterFailure.TimedOut =>
                "The request timed out inside the service; its outcome is unknown. Retry with the same Idempotency-Key.",
            ClusterFailure.SiloLost =>
                "The part of the service holding this resource went away during the request (a server is restarting); "
                + "its outcome is unknown. Retry with the same Idempotency-Key.",
            ClusterFailure.Overloaded =>
                "The service is overloaded and did not start this request. Retry later.",
            ClusterFailure.Stopping =>
                "The server that took this request is starting or stopping; its outcome is unknown. Retry with the same Idempotency-Key.",
            _ => "The service could not reach its database; nothing of this request was stored. Retry later.",
        };
        return ApiProblems.Details(StatusCodes.Status503ServiceUnavailable, One(ApiProblems.Body, message),
            "The service could not complete the request now.");
    }

    private static Dictionary<string, string[]> One(string field, string message) => new() { [field] = [message] };
}
