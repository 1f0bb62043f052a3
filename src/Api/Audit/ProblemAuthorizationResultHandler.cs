using AfterSales.Api.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AfterSales.Api.Audit;

/// <summary>Answers a refused authorisation as the rest of the API answers errors: the scheme challenges or forbids as
/// it does (a bearer scheme adds its <c>WWW-Authenticate</c>), then the empty 401 or 403 gets a problem details body.
/// Needed because authorisation runs before the status-code pages that give other empty answers their body.</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (!(authorizeResult.Challenged || authorizeResult.Forbidden) || context.Response.HasStarted)
        {
            return;
        }
        var status = context.Response.StatusCode;
        var (field, message) = status == StatusCodes.Status401Unauthorized
            ? ("Authorization", "This resource needs an authenticated caller.")
            : (ApiProblems.Body, "The caller's role does not allow this resource (it needs the admin role).");
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ApiProblems.Details(status, new Dictionary<string, string[]> { [field] = [message] }, message),
        });
    }
}
