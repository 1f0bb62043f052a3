using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Sla;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Sla;

/// <summary><c>/api/sla/policy</c>: the SLA policy as one versioned document. One document rather than rule-by-rule
/// changes because the winner among matching rules depends on the whole set: a client replaces the set it read, under
/// its ETag, and never leaves a half-edited policy for cases to open against.</summary>
internal static class SlaApi
{
    public static RouteGroupBuilder MapSlaApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sla").WithTags("SLA");

        group.MapGet("/policy", GetSlaPolicy)
            .WithName(nameof(GetSlaPolicy))
            .WithSummary("Get the SLA policy")
            .WithDescription("Version 0 is the default policy: first response / next update / resolution in business hours — "
                + "urgent 1/4/8, high 4/8/24, normal 8/16/40, low 16/40/80 — warning at 75 %. If-None-Match with the current ETag answers 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400);

        group.MapPut("/policy", ReplaceSlaPolicy)
            .WithName(nameof(ReplaceSlaPolicy))
            .WithSummary("Replace the SLA policy")
            .WithDescription("Every member is required. Errors name the path, e.g. rules[2].resolution.duration or rules[3] (two "
                + "rules with the same criteria). New cases take the new rules at once on this silo and within the refresh interval "
                + "elsewhere; open cases keep theirs until their priority, type, department or region changes. Send If-Match with the "
                + "policy's ETag to refuse the change when the policy changed meanwhile (412).")
            .ProducesProblems(400, 412, 413, 415);

        return api;
    }

    public static async Task<Results<Ok<SlaPolicyResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetSlaPolicy(
        [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var policy = await grains.GetGrain<ISlaPolicyGrain>(GrainKeys.SlaPolicy).GetAsync();
        response.Headers.ETag = ETags.Format(policy.Version);
        return known?.WeaklyMatches(policy.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(SlaPolicyResponse.From(policy));
    }

    public static async Task<Results<Ok<SlaPolicyResponse>, ProblemHttpResult>> ReplaceSlaPolicy(
        [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch, SlaPolicyRequest request, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        var condition = errors.IfMatch(ifMatch);
        var command = request.ToContract(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var policy = grains.GetGrain<ISlaPolicyGrain>(GrainKeys.SlaPolicy);
        var expected = await condition.ExpectedVersionAsync(async () => (await policy.GetAsync()).Version);
        var result = await policy.ReplaceAsync(command! with { ExpectedVersion = expected });
        if (result.Error is { } error)
        {
            return error.ToProblem(ApiProblems.Body);
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(SlaPolicyResponse.From(result.Value));
    }
}
