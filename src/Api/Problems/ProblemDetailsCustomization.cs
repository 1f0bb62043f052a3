using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace AfterSales.Api.Problems;

/// <summary>Adds what every problem answer carries — the request path as <c>instance</c> and a <c>traceId</c> — and
/// gives the answers produced outside the handlers (413 from Kestrel, 404/405 from routing) their <c>errors</c> map.</summary>
internal static class ProblemDetailsCustomization
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var httpContext = context.HttpContext;
        problem.Instance ??= httpContext.Request.Path;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? httpContext.TraceIdentifier);

        if (problem is HttpValidationProblemDetails || problem.Extensions.ContainsKey("errors"))
        {
            return;
        }
        var (field, message) = problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => (ApiProblems.Body, BadRequestExceptionHandler.TooLarge(httpContext)),
            StatusCodes.Status415UnsupportedMediaType => (Http.ApiHeaders.ContentType, BadRequestExceptionHandler.NotJson(httpContext)),
            StatusCodes.Status401Unauthorized => ("Authorization",
                "A valid bearer token (Authorization: Bearer …) or API key (X-Api-Key) is required; see WWW-Authenticate."),
            StatusCodes.Status403Forbidden => ("$caller", $"The caller's role or scopes do not allow {httpContext.Request.Method} {httpContext.Request.Path}."),
            StatusCodes.Status404NotFound => ("$path", $"No resource at {httpContext.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("$method", $"{httpContext.Request.Method} is not allowed on {httpContext.Request.Path}."),
            _ => (null, null),
        };
        if (field is not null)
        {
            problem.Title = ApiProblems.TitleOf(problem.Status!.Value);
            problem.Detail ??= message;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message!] };
        }
    }
}
