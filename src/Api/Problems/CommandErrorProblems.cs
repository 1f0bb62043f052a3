using AfterSales.Api.Http;
using AfterSales.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Problems;

/// <summary>The one place a grain's refusal becomes an HTTP status.</summary>
internal static class CommandErrorProblems
{
    /// <summary>HTTP status of each <see cref="ErrorKind"/>.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.IdempotencyMismatch => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <param name="error">The grain's refusal.</param>
    /// <param name="defaultField">Where the error applies when the grain names no field (usually the route parameter).</param>
    /// <param name="notFoundField">Where a not-found error applies when the grain names no field, if not <paramref name="defaultField"/>
    /// (a create refers to its owner: a device to its customer).</param>
    /// <param name="extensions">Extra members, e.g. <c>currentStatus</c> of a case.</param>
    public static ProblemHttpResult ToProblem(this CommandError error, string defaultField, string? notFoundField = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var field = error.Kind switch
        {
            ErrorKind.PreconditionFailed => ApiHeaders.IfMatch,
            ErrorKind.IdempotencyMismatch => ApiHeaders.IdempotencyKey,
            _ when !string.IsNullOrEmpty(error.Field) => error.Field,
            ErrorKind.NotFound when notFoundField is not null => notFoundField,
            _ => defaultField,
        };
        var members = new List<KeyValuePair<string, object?>>(extensions ?? []);
        if (!error.AllowedActions.IsDefault && !members.Exists(m => m.Key == "allowedActions"))
        {
            members.Add(new("allowedActions", error.AllowedActions.ToArray()));
        }
        return ApiProblems.Create(StatusOf(error.Kind), field, error.Message, members);
    }
}
