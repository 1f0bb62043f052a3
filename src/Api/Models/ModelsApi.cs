using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Models;

/// <summary><c>/api/models</c>: the product-model catalogue — skills routing needs for installing and maintaining
/// each model, its commissioning checklist, maintenance plans, fault codes with known solutions and default warranty.</summary>
internal static class ModelsApi
{
    public const int DefaultPageSize = 100;

    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/models").WithTags("Models");

        group.MapPut("/{code}", PutModel)
            .WithName(nameof(PutModel))
            .WithSummary("Define a product model, or replace its definition")
            .WithDescription("201 when the model is new, 200 when it replaced the definition; the answer carries the ETag. "
                + "If-None-Match: * creates only (412 when the model exists); If-Match with the ETag last read replaces only that "
                + "version (412 otherwise). Without either the definition is stored as given. An invalid value is refused with 400 "
                + "at its path, e.g. checklist[2].unit or faultCodes[0].code. Devices of the model, their installation and "
                + "maintenance cases pick a change up within the silos' model refresh interval. A change of maintenancePlans "
                + "moves maintenancePlansVersion and is rolled out to the devices already registered: each reschedules the plans "
                + "it inherits (its own plans win; open work orders stay open).")
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapGet("/{code}", GetModel)
            .WithName(nameof(GetModel))
            .WithSummary("Get a product model")
            .WithDescription("The whole definition with its known solutions and how often each worked; answers with an ETag.")
            .ProducesProblems(400, 404);

        group.MapGet("", ListModels)
            .WithName(nameof(ListModels))
            .WithSummary("List product models in code order")
            .WithDescription($"after: the code to continue after; limit: 1 to {ProductModelLimits.PageMax} (default {DefaultPageSize}). "
                + "The answer's next (and the Link header, rel=next) names the following page while more models follow.")
            .ProducesProblems(400);

        group.MapPost("/{code}/fault-codes/{faultCode}/solutions", AddSolution)
            .WithName(nameof(AddSolution))
            .WithSummary("Add a known solution to a model's fault code")
            .WithDescription("A supervisor adopts a solution, possibly the new one a case's resolution proposed (sourceCase). "
                + "The id is made from the code (E42-3). 404 for an unknown model or fault code; a second request naming the "
                + "same sourceCase answers the solution added first (200).")
            .ProducesProblems(400, 404, 409, 413, 415);

        return api;
    }

    public static async Task<Results<Created<ProductModelResponse>, Ok<ProductModelResponse>, ProblemHttpResult>> PutModel(
        string code,
        ProductModelRequest request,
        [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch,
        [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var modelCode = errors.RequiredIdentifier("code", code);
        var condition = errors.IfMatch(ifMatch);
        var createOnly = errors.IfNoneMatch(ifNoneMatch);
        var actor = errors.Actor(actorHeader);
        if (createOnly is { Any: false })
        {
            errors.Add(ApiHeaders.IfNoneMatch, "A definition accepts only If-None-Match: * (create only).");
        }
        var command = request.ToContract(errors, actor ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var model = grains.GetGrain<IProductModelGrain>(modelCode!);
        var expected = createOnly is not null ? 0 : await condition.ExpectedVersionAsync(async () => (await model.GetAsync())?.Version);
        var result = await model.DefineAsync(command! with { ExpectedVersion = expected });
        if (result.Error is { } error)
        {
            return error.ToProblem("code");
        }
        var defined = result.Value!;
        response.Headers.ETag = ETags.Format(defined.Version);
        var body = ProductModelResponse.From(defined);
        return defined.Version == 1
            ? TypedResults.Created($"/api/models/{Uri.EscapeDataString(defined.Code)}", body)
            : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<ProductModelResponse>, ProblemHttpResult>> GetModel(string code, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("code", code) is null)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<IProductModelGrain>(code).GetAsync() is not { } model)
        {
            return NoSuchModel(code);
        }
        response.Headers.ETag = ETags.Format(model.Version);
        return TypedResults.Ok(ProductModelResponse.From(model));
    }

    public static async Task<Results<Ok<ProductModelListResponse>, ProblemHttpResult>> ListModels(
        [FromQuery] string? after, [FromQuery] string? limit, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        var afterCode = errors.OptionalIdentifier("after", after);
        var size = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > ProductModelLimits.PageMax))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {ProductModelLimits.PageMax}.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var page = await grains.GetGrain<IProductModelCatalogGrain>(IProductModelCatalogGrain.Key).ListAsync(afterCode, size);
        var models = page.Models.OrEmpty();
        var next = page.HasMore && models.Length > 0
            ? string.Create(CultureInfo.InvariantCulture, $"/api/models?after={Uri.EscapeDataString(models[^1].Code)}&limit={size}")
            : null;
        if (next is not null)
        {
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(new ProductModelListResponse([.. models], next));
    }

    public static async Task<Results<Created<KnownSolution>, Ok<KnownSolution>, ProblemHttpResult>> AddSolution(
        string code,
        string faultCode,
        AddSolutionBody request,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var modelCode = errors.RequiredIdentifier("code", code);
        var fault = errors.RequiredIdentifier("faultCode", faultCode);
        var actor = errors.Actor(actorHeader);
        var summary = errors.RequiredMultilineText("summary", request.Summary, Limits.Summary);
        var source = errors.OptionalIdentifier("sourceCase", request.SourceCase);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<IProductModelGrain>(modelCode!).AddSolutionAsync(new AddSolutionRequest(fault!, summary!, actor!, source));
        if (result.Error is { } error)
        {
            return error.ToProblem("faultCode");
        }
        return result.Replayed
            ? TypedResults.Ok(result.Value!)
            : TypedResults.Created($"/api/models/{Uri.EscapeDataString(modelCode!)}", result.Value!);
    }

    private static ProblemHttpResult NoSuchModel(string code) =>
        ApiProblems.NotFound("code", $"No product model has the code '{code}'.");
}
