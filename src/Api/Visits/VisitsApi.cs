using AfterSales.Api.Cases;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Installation;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Visits;

/// <summary>Maintenance and repair visits on a case, under <c>/api/cases/{number}/visits</c>.</summary>
internal static class VisitsApi
{
    public const string Scope = "visits";

    public static RouteGroupBuilder MapVisitsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{number}/visits").WithTags("Visits");

        group.MapPost("", RecordVisit)
            .WithName(nameof(RecordVisit))
            .WithSummary("Record a maintenance or repair visit on a case")
            .WithDescription("Work done, parts used, time on site (minutesOnSite, or startedAt and endedAt) and outcome: fixed, or "
                + "followUpNeeded (counts against first-time fix; see GET /api/devices/{serial}/reliability). Fault, maintenance "
                + "and installation cases take visits while they are not closed or cancelled — a resolved case does, since the "
                + "report of the visit that fixed it often comes later; a closed or cancelled case answers 409, a case of "
                + "another type 422. A visit does not change the case's status. Send If-Match with the case's ETag to refuse "
                + "the visit when the case changed meanwhile (412), and an Idempotency-Key to make a retry answer the visit it "
                + "recorded (Idempotent-Replayed: true; the same key with another body is 422). Answers 201 with the visit, "
                + "Location and the case's new ETag.")
            .WithRequestExample(VisitExamples.FollowUp)
            .ProducesProblems(400, 404, 409, 412, 413, 415, 422);

        group.MapGet("", ListVisits)
            .WithName(nameof(ListVisits))
            .WithSummary("List a case's visits")
            .WithDescription("In the order they were recorded (the case's visits field holds the same). Answers with the case's ETag.")
            .ProducesProblems(400, 404);

        group.MapGet("/{visitId:int}", GetVisit)
            .WithName(nameof(GetVisit))
            .WithSummary("Get one visit of a case")
            .WithDescription("404 on visitId when the case has no visit with that id.")
            .WithPathParameter("visitId", "The visit's id on its case: 1, 2, 3…")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<VisitResponse>, ProblemHttpResult>> RecordVisit(
        [AsParameters] CaseCommandParameters target,
        VisitRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey)
    {
        var errors = new ValidationErrors();
        var number = errors.RequiredIdentifier("number", target.Number);
        var condition = errors.IfMatch(target.IfMatch);
        var actor = errors.Actor(target.Actor);
        var key = errors.IdempotencyKey(idempotencyKey);
        var command = request.Validate(errors, actor ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        // Who sends the request is not part of what is requested: a retry by another actor is still a replay.
        var hash = key is null ? null : RequestHash.Of(Scope, command! with { Actor = "" });
        var result = await target.Grains.GetGrain<ICaseGrain>(number!)
            .RecordVisitAsync(command! with { ExpectedVersion = expected, IdempotencyKey = key, RequestHash = hash });
        if (result.Error is { Kind: ErrorKind.Conflict } conflict
            && await target.Grains.GetGrain<ICaseGrain>(number!).GetAsync() is { } current)
        {
            // A finished case: the answer names its status, like a refused state action.
            return conflict.ToProblem("number", extensions: [new("currentStatus", ApiJson.Name(current.Status))]);
        }
        if (result.Error is { } error)
        {
            return error.ToProblem("number");
        }
        var recorded = result.Value!;
        if (result.Replayed)
        {
            IdempotentCreate.MarkReplayed(target.Response);
        }
        target.Response.Headers.ETag = ETags.Format(recorded.CaseVersion);
        return TypedResults.Created(VisitPath(number!, recorded.Visit.Id), VisitResponse.From(recorded.Visit));
    }

    public static async Task<Results<Ok<VisitResponse[]>, ProblemHttpResult>> ListVisits(string number, IGrainFactory grains, HttpResponse response)
    {
        var (snapshot, problem) = await ReadCaseAsync(number, grains);
        if (problem is not null)
        {
            return problem;
        }
        response.Headers.ETag = ETags.Format(snapshot!.Version);
        return TypedResults.Ok(snapshot.Visits.OrEmpty().Select(VisitResponse.From).ToArray());
    }

    public static async Task<Results<Ok<VisitResponse>, ProblemHttpResult>> GetVisit(string number, int visitId, IGrainFactory grains)
    {
        var (snapshot, problem) = await ReadCaseAsync(number, grains);
        if (problem is not null)
        {
            return problem;
        }
        return snapshot!.Visits.OrEmpty().FirstOrDefault(v => v.Id == visitId) is { } visit
            ? TypedResults.Ok(VisitResponse.From(visit))
            : ApiProblems.NotFound("visitId", $"Case {number} has no visit {visitId}.");
    }

    private static async Task<(CaseSnapshot? Snapshot, ProblemHttpResult? Problem)> ReadCaseAsync(string number, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("number", number) is null)
        {
            return (null, errors.ToProblem());
        }
        var snapshot = await grains.GetGrain<ICaseGrain>(number).GetAsync();
        return snapshot is null ? (null, ApiProblems.NotFound("number", $"No case has the number '{number}'.")) : (snapshot, null);
    }

    private static string VisitPath(string number, int id) => $"/api/cases/{Uri.EscapeDataString(number)}/visits/{id}";
}
