using AfterSales.Api.Departments;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Routing;

/// <summary><c>/api/routing</c>: the routing policy — skill rules, case-type weights, department strategies, region
/// neighbours, overflow thresholds and the relaxation delay. Every change answers the whole policy with its new
/// ETag; a change with a stale If-Match is refused with 412. Routing picks a change up at once on the silo that
/// owns the policy and within the refresh interval everywhere else.</summary>
internal static class RoutingApi
{
    private const string IfMatchAdvice = "Send If-Match with the policy's ETag to refuse the change when the policy changed meanwhile (412).";

    public static RouteGroupBuilder MapRoutingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/routing").WithTags("Routing");

        group.MapGet("/policy", GetRoutingPolicy)
            .WithName(nameof(GetRoutingPolicy))
            .WithSummary("Get the routing policy")
            .WithDescription("Answers with an ETag (the policy version); If-None-Match with the current ETag answers 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400);

        group.MapPut("/policy", ReplaceRoutingPolicy)
            .WithName(nameof(ReplaceRoutingPolicy))
            .WithSummary("Replace the routing policy")
            .WithDescription("Every member is required; send [] to clear a list. An invalid value is refused with 400 at its "
                + "path, e.g. rules[0].required[0].minLevel or neighbours[1].neighbours[0]. " + IfMatchAdvice)
            .ProducesProblems(400, 412, 413, 415);

        group.MapPut("/rules/{id}", PutSkillRule)
            .WithName(nameof(PutSkillRule))
            .WithSummary("Add a skill rule or replace the rule with this id")
            .WithDescription("The next case the rule matches needs its skills. Errors name the path in the body "
                + "(required[0].minLevel); a body id that differs from the path is refused on id. " + IfMatchAdvice)
            .ProducesProblems(400, 409, 412, 413, 415);

        group.MapDelete("/rules/{id}", DeleteSkillRule)
            .WithName(nameof(DeleteSkillRule))
            .WithSummary("Remove a skill rule")
            .WithDescription("404 when no rule has the id. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412);

        group.MapPut("/strategies/{department}", SetDepartmentStrategy)
            .WithName(nameof(SetDepartmentStrategy))
            .WithSummary("Set a department's strategy in every region without a strategy of its own")
            .WithDescription("leastLoaded, roundRobin or bestSkillMatch; GET /api/departments/{department}/{region} shows the one in effect. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapDelete("/strategies/{department}", ClearDepartmentStrategy)
            .WithName(nameof(ClearDepartmentStrategy))
            .WithSummary("Remove a department's strategy for every region, so the default strategy applies")
            .WithDescription(IfMatchAdvice)
            .ProducesProblems(400, 404, 412);

        group.MapPut("/strategies/{department}/{region}", SetRegionalStrategy)
            .WithName(nameof(SetRegionalStrategy))
            .WithSummary("Set a department's strategy in one region")
            .WithDescription("It wins over the department's strategy for every region and the default. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapDelete("/strategies/{department}/{region}", ClearRegionalStrategy)
            .WithName(nameof(ClearRegionalStrategy))
            .WithSummary("Remove a department's strategy in one region, so the broader setting applies again")
            .WithDescription(IfMatchAdvice)
            .ProducesProblems(400, 404, 412);

        group.MapPut("/neighbours/{region}", SetRegionNeighbours)
            .WithName(nameof(SetRegionNeighbours))
            .WithSummary("Set the regions a region's departments overflow into")
            .WithDescription("In order of preference; [] removes them. When a department-region's queue passes the policy's overflow "
                + "thresholds, a review offers waiting cases to the same department of these regions. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        return api;
    }

    public static async Task<Results<Ok<RoutingPolicyResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetRoutingPolicy(
        [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var policy = await grains.GetGrain<IRoutingPolicyGrain>(GrainKeys.RoutingPolicy).GetAsync();
        response.Headers.ETag = ETags.Format(policy.Version);
        return known?.WeaklyMatches(policy.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(RoutingPolicyResponse.From(policy));
    }

    public static async Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> ReplaceRoutingPolicy(
        [AsParameters] PolicyCommandParameters target, RoutingPolicyRequest request)
    {
        var errors = new ValidationErrors();
        var condition = errors.IfMatch(target.IfMatch);
        var command = request.ToContract(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        return Answer(await target.Policy.ReplaceAsync(command! with { ExpectedVersion = expected }), target.Response, ApiProblems.Body);
    }

    public static async Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> PutSkillRule(
        string id, [AsParameters] PolicyCommandParameters target, SkillRuleRequest request)
    {
        var errors = new ValidationErrors();
        var ruleId = errors.RequiredIdentifier("id", id);
        var condition = errors.IfMatch(target.IfMatch);
        if (ruleId is not null && request.Id is not null && !string.Equals(request.Id, ruleId, StringComparison.Ordinal))
        {
            errors.Add("id", $"The body names rule '{request.Id}' but the path names '{ruleId}'; leave the id out of the body or make them equal.");
        }
        var rule = request.ToContract(errors, "", ruleId ?? "");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Policy.PutRuleAsync(new PutSkillRuleRequest(rule!, expected));
        return Answer(result, target.Response, "id", RuleField);
    }

    public static async Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> DeleteSkillRule(
        string id, [AsParameters] PolicyCommandParameters target)
    {
        var errors = new ValidationErrors();
        var ruleId = errors.RequiredIdentifier("id", id);
        var condition = errors.IfMatch(target.IfMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Policy.RemoveRuleAsync(new RemoveSkillRuleRequest(ruleId!, expected));
        return Answer(result, target.Response, "id", RuleField);
    }

    public static Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> SetDepartmentStrategy(
        string department, [AsParameters] PolicyCommandParameters target, SetStrategyRequest request, InputRules rules) =>
        SetStrategyAsync(department, region: null, target, request, rules);

    public static Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> SetRegionalStrategy(
        string department, string region, [AsParameters] PolicyCommandParameters target, SetStrategyRequest request, InputRules rules) =>
        SetStrategyAsync(department, region, target, request, rules);

    public static Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> ClearDepartmentStrategy(
        string department, [AsParameters] PolicyCommandParameters target, InputRules rules) =>
        SetStrategyAsync(department, region: null, target, request: null, rules);

    public static Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> ClearRegionalStrategy(
        string department, string region, [AsParameters] PolicyCommandParameters target, InputRules rules) =>
        SetStrategyAsync(department, region, target, request: null, rules);

    public static async Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> SetRegionNeighbours(
        string region, [AsParameters] PolicyCommandParameters target, SetNeighboursRequest request, InputRules rules)
    {
        if (DepartmentRoute.Region(rules, region) is { } unknown)
        {
            return unknown;
        }
        var errors = new ValidationErrors();
        var condition = errors.IfMatch(target.IfMatch);
        var neighbours = errors.RequiredList("neighbours", request.Neighbours, (neighbour, _) => neighbour);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Policy.SetNeighboursAsync(new SetRegionNeighboursRequest(region, neighbours!.Value, expected));
        return Answer(result, target.Response, "neighbours");
    }

    /// <param name="request">Null to remove the entry.</param>
    private static async Task<Results<Ok<RoutingPolicyResponse>, ProblemHttpResult>> SetStrategyAsync(
        string department, string? region, PolicyCommandParameters target, SetStrategyRequest? request, InputRules rules)
    {
        if (DepartmentRoute.Department(department, out var which) is { } unknownDepartment)
        {
            return unknownDepartment;
        }
        if (region is not null && DepartmentRoute.Region(rules, region) is { } unknownRegion)
        {
            return unknownRegion;
        }
        var errors = new ValidationErrors();
        var condition = errors.IfMatch(target.IfMatch);
        var strategy = request is null ? null : errors.RequiredValue("strategy", request.Strategy);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Policy.SetStrategyAsync(new SetDepartmentStrategyRequest(which, region, strategy, expected));
        return Answer(result, target.Response, "strategy");
    }

    /// <summary>200 with the policy and its new ETag, or the grain's refusal at the path it names.</summary>
    /// <param name="defaultField">Where an error applies when the grain names no field.</param>
    /// <param name="fieldOf">Turns the grain's path into the request's, when they differ.</param>
    private static Results<Ok<RoutingPolicyResponse>, ProblemHttpResult> Answer(
        Result<RoutingPolicy> result, HttpResponse response, string defaultField, Func<string?, string?>? fieldOf = null)
    {
        if (result.Error is { } error)
        {
            return (fieldOf is null ? error : error with { Field = fieldOf(error.Field) }).ToProblem(defaultField);
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(RoutingPolicyResponse.From(result.Value));
    }

    /// <summary>The policy grain names a rule's fields from <c>rule</c> (<c>rule.required[0].minLevel</c>) and a
    /// missing rule <c>ruleId</c>; here the body is the rule and the id is the route's.</summary>
    private static string? RuleField(string? field) => field switch
    {
        null or "" => null,
        "rule" => ApiProblems.Body,
        "rule.id" or "ruleId" => "id",
        _ when field.StartsWith("rule.", StringComparison.Ordinal) => field["rule.".Length..],
        _ => field,
    };
}
