using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Problems;

/// <summary>Builds the API's RFC 9457 answers. Every client error carries an <c>errors</c> map from the field,
/// header or route parameter at fault to its messages.</summary>
internal static class ApiProblems
{
    /// <summary>The field name for the request body as a whole (the root JSON path).</summary>
    public const string Body = "$";

    public static ProblemHttpResult Create(int status, IDictionary<string, string[]> errors, string detail,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        TypedResults.Problem(Details(status, errors, detail, extensions));

    public static ProblemHttpResult Create(int status, string field, string message,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Create(status, new Dictionary<string, string[]> { [field] = [message] }, message, extensions);

    public static ProblemHttpResult Invalid(string field, string message) =>
        Create(StatusCodes.Status400BadRequest, field, message);

    public static ProblemHttpResult NotFound(string field, string message) =>
        Create(StatusCodes.Status404NotFound, field, message);

    public static HttpValidationProblemDetails Details(int status, IDictionary<string, string[]> errors, string detail,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = TitleOf(status),
            Detail = detail,
        };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is invalid.",
        StatusCodes.Status401Unauthorized => "Authentication is required.",
        StatusCodes.Status403Forbidden => "The caller may not do this.",
        StatusCodes.Status404NotFound => "The resource does not exist.",
        StatusCodes.Status405MethodNotAllowed => "The method is not allowed on this resource.",
        StatusCodes.Status409Conflict => "The request conflicts with the current state of the resource.",
        StatusCodes.Status410Gone => "The resource is no longer available.",
        StatusCodes.Status412PreconditionFailed => "The resource has changed since it was read.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON.",
        StatusCodes.Status422UnprocessableEntity => "The request cannot be applied as sent.",
        StatusCodes.Status429TooManyRequests => "Too many requests are in progress.",
        StatusCodes.Status503ServiceUnavailable => "The service is temporarily unavailable.",
        _ => "The request failed.",
    };
}
