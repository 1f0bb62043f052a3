using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Models;
using AfterSales.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Faults;

/// <summary>Technical support's overview of its knowledge: the open problems (<c>/api/problems</c>) and the new solutions
/// cases proposed for a model (<c>/api/models/{code}/proposed-solutions</c>).</summary>
internal static class FaultsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapFaultsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/problems", ListProblems)
            .WithTags("Problems")
            .WithName(nameof(ListProblems))
            .WithSummary("List the open problems")
            .WithDescription("Problems (opened by problem detection or by hand) that are not resolved or cancelled, in "
                + "number order, each with its scope and how many cases are linked to it. after: the problem number to continue after; "
                + $"limit: 1 to {MaxPageSize} (default {DefaultPageSize}). The answer's next (and the Link header, rel=next) names the "
                + "following page while more problems follow.")
            .ProducesProblems(400);

        api.MapGet("/models/{code}/proposed-solutions", ListProposedSolutions)
            .WithTags("Models")
            .WithName(nameof(ListProposedSolutions))
            .WithSummary("List the new solutions cases proposed for a model")
            .WithDescription("Resolutions of the model's fault cases that described a new solution (newSolution), newest first, "
                + $"at most {IProposedSolutionsGrain.MaxProposals}. A supervisor adopts one with POST "
                + "/api/models/{code}/fault-codes/{faultCode}/solutions naming the case as sourceCase; from then on it is a known "
                + "solution and no longer listed here. 404 when no model has the code.")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Ok<ProblemListResponse>, ProblemHttpResult>> ListProblems(
        [FromQuery] string? after, [FromQuery] string? limit, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        var afterNumber = errors.OptionalIdentifier("after", after);
        var size = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {MaxPageSize}.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var page = await grains.GetGrain<IProblemIndexGrain>(GrainKeys.OpenProblems).GetPageAsync(afterNumber, size);
        var next = page.HasMore && page.Problems.Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"/api/problems?after={Uri.EscapeDataString(page.Problems[^1].Number)}&limit={size}")
            : null;
        if (next is not null)
        {
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(ProblemListResponse.From(page, next));
    }

    public static async Task<Results<Ok<ProposedSolutionsResponse>, ProblemHttpResult>> ListProposedSolutions(string code, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("code", code) is null)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<IProductModelGrain>(code).GetAsync() is not { } model)
        {
            return ApiProblems.NotFound("code", $"No product model has the code '{code}'.");
        }
        // A proposal a supervisor adopted is a known solution with the case as its source.
        var adopted = model.FaultCodes.SelectMany(c => c.Solutions.IsDefault ? [] : c.Solutions)
            .Select(s => s.SourceCase).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var proposals = await grains.GetGrain<IProposedSolutionsGrain>(model.Code).GetAsync();
        return TypedResults.Ok(new ProposedSolutionsResponse(model.Code,
            [.. proposals.Where(p => !adopted.Contains(p.CaseNumber)).Select(ProposedSolutionResponse.From)]));
    }
}
