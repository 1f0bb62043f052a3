using AfterSales.Api.Complaints;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Technicians;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Technicians;

/// <summary><c>/api/technicians</c>: register, read, presence and shifts, skills and capacity, current assignments.
/// Reads and changes carry the technician's version as ETag; changes accept it in If-Match.</summary>
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
            .WithDescription("Answers with an ETag (the technician version); If-None-Match with the current ETag answers 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        group.MapPatch("/{id}", UpdateTechnician)
            .WithName(nameof(UpdateTechnician))
            .WithSummary("Change a technician's skills and/or capacity")
            .WithDescription("Members left out stay as they are; skills replace the old list. More capacity or new skills let the "
                + "department assign waiting cases at once. Capacity below the units in use is refused with 409. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        group.MapPut("/{id}/presence", SetPresence)
            .WithName(nameof(SetPresence))
            .WithSummary("Set a technician on shift, away or off shift")
            .WithDescription("Away keeps the technician's cases but takes no new ones. Off shift returns the cases not started yet to "
                + "the department's queue, which routes them again. With a shift pattern, the change holds until the pattern's next "
                + "boundary (presenceHeldUntil). " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapPut("/{id}/shift-pattern", SetShiftPattern)
            .WithName(nameof(SetShiftPattern))
            .WithSummary("Set a technician's weekly shift pattern")
            .WithDescription("Windows of days and HH:mm times in the time zone of the technician's region (timeZone in the answer). "
                + "Presence follows the pattern from now on, checked every minute; [] removes the pattern. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapPost("/{id}/shift", SetShift)
            .WithName(nameof(SetShift))
            .WithSummary("Put a technician on or off shift")
            .WithDescription("The same as PUT /api/technicians/{id}/presence with onShift or offShift. Coming on shift lets the "
                + "department assign waiting cases to the technician.")
            .ProducesProblems(400, 404, 413, 415);

        group.MapGet("/{id}/assignments", GetAssignments)
            .WithName(nameof(GetAssignments))
            .WithSummary("List the cases a technician is working on")
            .WithDescription("The technician's active assignments with their weights in capacity units and when work started.")
            .ProducesProblems(400, 404);

        return api;
    }

    private const string IfMatchAdvice = "Send If-Match with the ETag last read to refuse the change when the technician changed meanwhile (412).";

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
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Technicians, key, hash,
            ResourceIdSource.Proposed(id ?? ResourceIds.New(ResourceIds.TechnicianPrefix)),
            technicianId => grains.GetGrain<ITechnicianGrain>(technicianId).RegisterAsync(command! with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem("id"),
            "/api/technicians", TechnicianResponse.From,
            static (created, answer) => answer.Headers.ETag = ETags.Format(created.Version));
    }

    public static async Task<Results<Ok<TechnicianResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetTechnician(
        string id,
        [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var (technician, problem) = await FindAsync(id, grains);
        if (technician is null)
        {
            return problem!;
        }
        response.Headers.ETag = ETags.Format(technician.Version);
        return known?.WeaklyMatches(technician.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(TechnicianResponse.From(technician) with { Complaints = await ComplaintLists.TallyOfTechnicianAsync(grains, id) });
    }

    public static async Task<Results<Ok<TechnicianResponse>, ProblemHttpResult>> UpdateTechnician(
        [AsParameters] TechnicianCommandParameters target, PatchTechnicianRequest request)
    {
        var errors = new ValidationErrors();
        var id = errors.RequiredIdentifier("id", target.Id);
        var condition = errors.IfMatch(target.IfMatch);
        var command = request.Validate(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Grains.GetGrain<ITechnicianGrain>(id!).UpdateAsync(command! with { ExpectedVersion = expected });
        // The one conflict is capacity below the units in use.
        return Answer(result, target.Response, conflictField: "capacity");
    }

    public static async Task<Results<Ok<TechnicianResponse>, ProblemHttpResult>> SetPresence(
        [AsParameters] TechnicianCommandParameters target, PresenceRequest request)
    {
        var errors = new ValidationErrors();
        var id = errors.RequiredIdentifier("id", target.Id);
        var condition = errors.IfMatch(target.IfMatch);
        var presence = errors.RequiredValue("presence", request.Presence);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Grains.GetGrain<ITechnicianGrain>(id!).SetPresenceAsync(new SetPresenceRequest(presence!.Value, expected));
        return Answer(result, target.Response, conflictField: "presence");
    }

    public static async Task<Results<Ok<TechnicianResponse>, ProblemHttpResult>> SetShiftPattern(
        [AsParameters] TechnicianCommandParameters target, ShiftPatternRequest request)
    {
        var errors = new ValidationErrors();
        var id = errors.RequiredIdentifier("id", target.Id);
        var condition = errors.IfMatch(target.IfMatch);
        var command = request.Validate(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Grains.GetGrain<ITechnicianGrain>(id!).SetShiftPatternAsync(command! with { ExpectedVersion = expected });
        return Answer(result, target.Response, conflictField: "windows");
    }

    public static async Task<Results<Ok<TechnicianResponse>, ProblemHttpResult>> SetShift(
        string id, SetShiftRequest request, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("id", id);
        var onShift = errors.RequiredValue("onShift", request.OnShift);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<ITechnicianGrain>(id).SetShiftAsync(onShift!.Value);
        return Answer(result, response, conflictField: "onShift");
    }

    public static async Task<Results<Ok<AssignmentResponse[]>, ProblemHttpResult>> GetAssignments(string id, IGrainFactory grains)
    {
        var (technician, problem) = await FindAsync(id, grains);
        return technician is null
            ? problem!
            : TypedResults.Ok(technician.Assignments.OrEmpty().Select(AssignmentResponse.From).ToArray());
    }

    /// <summary>200 with the technician and its new ETag, or the refusal: a missing technician on <c>id</c>, a
    /// conflict on <paramref name="conflictField"/>, a stale If-Match on that header.</summary>
    private static Results<Ok<TechnicianResponse>, ProblemHttpResult> Answer(
        Result<TechnicianSnapshot> result, HttpResponse response, string conflictField)
    {
        if (result.Error is { } error)
        {
            return error.ToProblem(error.Kind == ErrorKind.Conflict ? conflictField : "id");
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(TechnicianResponse.From(result.Value));
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
