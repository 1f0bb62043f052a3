using AfterSales.Api.Hosting;
using AfterSales.Api.Installation;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Devices;
using AfterSales.Reliability;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Reliability;

/// <summary>MTBF, MTTR and first-time fix of a device (<c>/api/devices/{serial}/reliability</c>) and of a model
/// (<c>/api/models/{model}/reliability</c>).</summary>
internal static class ReliabilityApi
{
    private const string Definitions = "MTBF = operating hours in service / failures (fault cases not cancelled); MTTR = mean "
        + "open → resolved time of the resolved fault cases; first-time-fix rate = cases whose one and only visit fixed them / "
        + "cases with visits (a follow-up counts against it). Definitions in docs/RELIABILITY.md.";

    public static RouteGroupBuilder MapReliabilityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/devices/{serial}/reliability", GetDeviceReliability)
            .WithTags("Reliability")
            .WithName(nameof(GetDeviceReliability))
            .WithSummary("Get a device's reliability: MTBF, MTTR, first-time fix")
            .WithDescription("Computed from the device's own cases and its time in service, as of now. " + Definitions)
            .ProducesProblems(400, 404);

        api.MapGet("/models/{model}/reliability", GetModelReliability)
            .WithTags("Reliability")
            .WithName(nameof(GetModelReliability))
            .WithSummary("Get a model's reliability over all its devices: MTBF, MTTR, first-time fix")
            .WithPathParameter("model", "The product model's code, e.g. HX-200.")
            .WithDescription("Summed from the facts its devices send as their cases change (kept in a few shards per model; no device "
                + "is read), as of now. A fact reaches the model right after the change that made it. " + Definitions)
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Ok<ReliabilityResponse>, ProblemHttpResult>> GetDeviceReliability(string serial, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("serial", serial) is null)
        {
            return errors.ToProblem();
        }
        return await grains.GetGrain<IDeviceGrain>(serial).GetReliabilityAsync() is { } figures
            ? TypedResults.Ok(ReliabilityResponse.From(figures))
            : ApiProblems.NotFound("serial", $"No device has the serial '{serial}'.");
    }

    public static async Task<Results<Ok<ReliabilityResponse>, ProblemHttpResult>> GetModelReliability(string model, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("model", model) is null)
        {
            return errors.ToProblem();
        }
        return await grains.GetGrain<IModelReliabilityGrain>(model).GetAsync() is { } figures
            ? TypedResults.Ok(ReliabilityResponse.From(figures))
            : ApiProblems.NotFound("model", $"No product model has the code '{model}'.");
    }
}
