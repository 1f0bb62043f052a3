using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Technicians;

/// <summary><c>/api/technicians</c>: register, read, shift changes, current assignments.</summary>
internal static class TechniciansApi
{
    public static RouteGroupBuilder MapTechniciansApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/technicians").WithTags("Technicians");

        group.MapPost("", CreateTechnician)
            .WithName(nameof(CreateTechnician))
            .WithSummary("Register a technician")
            .WithDescription("The technician joins the roster of its department in its region. Send an Idempotency-Key to make retries safe.")
            .ProducesProblems(400, 409, 413, 415, 422);

        group.MapGet("/{id}", GetTechnician)
            .WithName(nameof(GetTechnician))
            .WithSummary("Get a technician")
            .ProducesProblems(400, 404);

        group.MapPost("/{id}/shift", SetShift)
            .WithName(nameof(SetShift))
            .WithSummary("Put a technician on or off shift")
            .WithDescription("Coming on shift lets the department assign waiting cases to the technician.")
            .ProducesProblems(400, 404, 413, 415);

        group.MapGet("/{id}/assignments", GetAssignments)
            .WithName(nameof(GetAssignments))
            .WithSummary("List the cases a technician is working on")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<TechnicianResponse>, ProblemHttpResult>> CreateTechnician(
        CreateTechnicianRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        InputRules rules,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var (id, command) = request.Validate(rules, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var hash = RequestHash.Of(IdempotentCreate.Technicians, new { id, command });
        var (technicianId, problem) = await IdempotentCreate.ResolveAsync(grains, IdempotentCreate.Technicians, key, hash,
            id ?? ResourceIds.New(ResourceIds.TechnicianPrefix));
        if (problem is not null)
        {
            return problem;
        }
        var result = await grains.GetGrain<ITechnicianGrain>(technicianId!).RegisterAsync(command! with { IdempotencyKey = key, RequestHash = hash });
        if (result.Error is { } error)
        {
            return error.ToProblem("id");
        }
        if (result.Replayed)
        {
            IdempotentCreate.MarkReplayed(response);
        }
        return TypedResults.Created($"/api/technicians/{Uri.EscapeDataString(technicianId!)}", TechnicianResponse.From(result.Value!));
    }

    public static async Task<Results<Ok<TechnicianResponse>, ProblemHttpResult>> GetTechnician(string id, IGrainFactory grains)
    {
        var (technician, problem) = await FindAsync(id, grains);
        return technician is null ? problem! : TypedResults.Ok(TechnicianResponse.From(technician));
    }

    public static async Task<Results<Ok<TechnicianResponse>, ProblemHttpResult>> SetShift(
        string id, SetShiftRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("id", id);
        var onShift = errors.RequiredValue("onShift", request.OnShift);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<ITechnicianGrain>(id).SetShiftAsync(onShift!.Value);
        return result.Error is { } error
            ? error.ToProblem("id")
            : TypedResults.Ok(TechnicianResponse.From(result.Value!));
    }

    public static async Task<Results<Ok<AssignmentResponse[]>, ProblemHttpResult>> GetAssignments(string id, IGrainFactory grains)
    {
        var (technician, problem) = await FindAsync(id, grains);
        return technician is null
            ? problem!
            : TypedResults.Ok(technician.Assignments.OrEmpty().Select(AssignmentResponse.From).ToArray());
    }

    private static async Task<(TechnicianSnapshot? Technician, ProblemHttpResult? Problem)> FindAsync(string id, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("id", id) is null)
        {
            return (null, errors.ToProblem());
        }
        var technician = await grains.GetGrain<ITechnicianGrain>(id).GetAsync();
        return technician is null ? (null, ApiProblems.NotFound("id", $"No technician has the id '{id}'.")) : (technician, null);
    }
}
