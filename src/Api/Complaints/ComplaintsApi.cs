using System.Globalization;
using AfterSales.Api.Access;
using AfterSales.Api.Cases;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Complaints;
using AfterSales.Technicians;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Complaints;

/// <summary><c>/api/complaints</c>: file, read, history, notes, escalation and the lifecycle actions of a complaint
/// (received → acknowledged → investigating → awaitingReview → resolved → closed; sendBack; reject).</summary>
internal static class ComplaintsApi
{
    public static RouteGroupBuilder MapComplaintsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints").WithTags("Complaints");

        group.MapPost("", FileComplaint)
            .WithName(nameof(FileComplaint))
            .WithSummary("File a complaint")
            .WithDescription("The id is minted (CMP-YYYY-NNNNNN). The customer, and the case, device and technician named, must exist "
                + "(404 on their field); a case or device of another customer is 422. The complaint must be acknowledged by "
                + "acknowledgement.dueAt (the severity's target). It shows on its customer (openComplaints), its case (complaints) and "
                + "its technician (complaints). Answers 201 with Location and ETag. Send an Idempotency-Key to make retries safe: the "
                + "same key and body return the same complaint (Idempotent-Replayed: true), a different body 422.")
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapGet("/{id}", GetComplaint)
            .WithName(nameof(GetComplaint))
            .WithSummary("Get a complaint")
            .WithDescription("Answers with an ETag (the complaint version); If-None-Match with the current ETag answers 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        group.MapGet("/{id}/history", GetComplaintHistory)
            .WithName(nameof(GetComplaintHistory))
            .WithSummary("Page through a complaint's events, oldest first")
            .WithDescription("Every change to a complaint is an event (id, per-complaint sequence, time, actor, kind, from → to, "
                + $"details), kept for ever. after: the sequence to continue after (default 0); limit: 1 to {CaseHistoryQuery.MaxLimit} "
                + $"(default {CaseHistoryQuery.DefaultLimit}). next (and the Link header, rel=next) names the following page.")
            .ProducesProblems(400, 404);

        group.MapPost("/{id}/notes", AddComplaintNote)
            .WithName(nameof(AddComplaintNote))
            .WithSummary("Add an internal or customer-visible note to a complaint")
            .WithDescription("In any status; the status does not change. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        group.MapPost("/{id}/escalate", EscalateComplaint)
            .WithName(nameof(EscalateComplaint))
            .WithSummary("Raise a complaint's severity")
            .WithDescription("Only to a higher severity (else 422 on severity) and only before the resolution (else 409). Before the "
                + "acknowledgement the target of the new severity applies from receipt when it is earlier. " + IfMatchAdvice)
            .ProducesProblems(400, 404, 409, 412, 413, 415, 422);

        MapAction(group, "acknowledge", AcknowledgeComplaint, "Acknowledge a complaint (received → acknowledged)",
            " Records whether the acknowledgement target was met.");
        MapAction(group, "investigate", InvestigateComplaint, "Start investigating a complaint (acknowledged → investigating)");
        MapAction(group, "submitForReview", SubmitComplaintFindings, "Submit the findings for review (investigating → awaitingReview)",
            " rootCause and correctiveAction are required.");
        MapAction(group, "approve", ApproveComplaint, "Approve the findings (awaitingReview → resolved)",
            " The mandatory review: the X-Actor must not be who submitted the findings (422 on X-Actor). The complaint then waits for "
            + "the customer's confirmation or rejection, and closes by itself at autoCloseAt.", 422);
        MapAction(group, "sendBack", SendBackComplaint, "Send the findings back (awaitingReview → investigating)",
            " A reason is required; the X-Actor must not be who submitted the findings (422 on X-Actor).", 422);
        MapAction(group, "confirm", ConfirmComplaint, "Record the customer's confirmation (resolved → closed)");
        MapAction(group, "reject", RejectComplaint, "Record the customer's rejection (resolved → investigating; counts a reopen)",
            " A reason is required.");

        api.MapGet("/technicians/{id}/complaints", ListTechnicianComplaints)
            .WithTags("Technicians")
            .WithName(nameof(ListTechnicianComplaints))
            .WithSummary("List the complaints naming a technician, newest first")
            .WithDescription("Each complaint's id, status, severity, category and times, and the tally (open, total, the last received) "
                + "that GET /api/technicians/{id} shows. A complaint's change reaches the list right after its own write (and, after a "
                + "failure, within a minute).")
            .ProducesProblems(400, 404);

        return api;
    }

    /// <summary>The route of a technician's complaint list, as the OpenAPI document names it.</summary>
    internal const string TechnicianComplaintsRoute = "api/technicians/{id}/complaints";

    internal const int DefaultListLimit = 100;

    internal static readonly string[] ListStatuses = ["open", "all"];

    private const string IfMatchAdvice = "Send If-Match with the ETag last read to refuse the change when the complaint changed "
        + "meanwhile (412). Answers the complaint with its new ETag.";

    private static void MapAction(RouteGroupBuilder group, string action, Delegate handler, string summary, string more = "",
        params int[] moreProblems) =>
        group.MapPost($"/{{id}}/{action}", handler)
            .WithName(handler.Method.Name)
            .WithSummary(summary)
            .WithDescription(IfMatchAdvice + " An action the complaint does not allow now answers 409 with currentStatus and "
                + "allowedActions." + more)
            .ProducesProblems([400, 404, 409, 412, 413, 415, .. moreProblems]);

    public static async Task<Results<Created<ComplaintResponse>, ProblemHttpResult>> FileComplaint(
        FileComplaintBody request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        [FromHeader(Name = ApiHeaders.Actor)] string? actor,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var by = errors.Actor(actor);
        var command = request.Validate(errors, by ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        // Who sends the request is not part of what is requested: a retry by another actor is still a replay.
        var hash = RequestHash.Of(IdempotentCreate.Complaints, command! with { Actor = "" });
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Complaints, key, hash,
            ResourceIdSource.ComplaintNumber(grains),
            id => grains.GetGrain<IComplaintGrain>(id).FileAsync(command with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem(ApiProblems.Body, notFoundField: "customerId"),
            "/api/complaints", ComplaintResponse.From,
            static (created, answer) => answer.Headers.ETag = ETags.Format(created.Version));
    }

    public static async Task<Results<Ok<ComplaintResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetComplaint(
        string id,
        [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("id", id);
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        // Caller-scoped: the grain checks the reach again and hides internal notes from a customer.
        if (await grains.GetGrain<IComplaintGrain>(id).GetForAsync(response.HttpContext.Caller()) is not { } complaint)
        {
            return NoSuchComplaint(id);
        }
        response.Headers.ETag = ETags.Format(complaint.Version);
        return known?.WeaklyMatches(complaint.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ComplaintResponse.From(complaint));
    }

    public static async Task<Results<Ok<ComplaintHistoryResponse>, ProblemHttpResult>> GetComplaintHistory(
        string id, [FromQuery] string? after, [FromQuery] string? limit, HttpResponse response, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var query = CaseHistoryQuery.Parse(errors, after, limit);
        if (errors.RequiredIdentifier("id", id) is null || errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<IComplaintGrain>(id).GetHistoryAsync(query.After, query.Limit) is not { } page)
        {
            return NoSuchComplaint(id);
        }
        var next = page.HasMore ? CaseHistoryQuery.PageLink("complaints", id, (int)page.Events[^1].Sequence, query.Limit) : null;
        if (next is not null)
        {
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(new ComplaintHistoryResponse([.. page.Events.OrEmpty().Select(ComplaintEventResponse.FromEvent)], page.LastSequence, next));
    }

    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> AddComplaintNote(
        [AsParameters] ComplaintCommandParameters target, AddNoteRequest request)
    {
        var errors = new ValidationErrors();
        var (id, condition, actor) = Read(target, errors);
        var text = errors.RequiredMultilineText("text", request.Text, Limits.NoteText);
        var visibility = errors.RequiredValue("visibility", request.Visibility);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        return await AnswerAsync(await target.Grain.AddNoteAsync(new AddNoteCommand(text!, visibility!.Value, actor!, expected)), target);
    }

    public static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> EscalateComplaint(
        [AsParameters] ComplaintCommandParameters target, EscalateComplaintBody request)
    {
        var errors = new ValidationErrors();
        var (_, condition, actor) = Read(target, errors);
        var severity = errors.RequiredValue("severity", request.Severity);
        var reason = errors.RequiredMultilineText("reason", request.Reason, Limits.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        return await AnswerAsync(await target.Grain.EscalateAsync(new EscalateComplaintRequest(severity!.Value, reason!, actor!, expected)), target);
    }

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> AcknowledgeComplaint(
        [AsParameters] ComplaintCommandParameters target, ComplaintActionBody? request) =>
        ApplyAsync(ComplaintAction.Acknowledge, target, request?.Reason, required: false);

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> InvestigateComplaint(
        [AsParameters] ComplaintCommandParameters target, ComplaintActionBody? request) =>
        ApplyAsync(ComplaintAction.Investigate, target, request?.Reason, required: false);

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> SubmitComplaintFindings(
        [AsParameters] ComplaintCommandParameters target, SubmitFindingsBody request) =>
        ApplyAsync(ComplaintAction.SubmitForReview, target, request.Reason, required: false, findings: request);

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> ApproveComplaint(
        [AsParameters] ComplaintCommandParameters target, ComplaintActionBody? request) =>
        ApplyAsync(ComplaintAction.Approve, target, request?.Reason, required: false);

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> SendBackComplaint(
        [AsParameters] ComplaintCommandParameters target, ComplaintReasonBody request) =>
        ApplyAsync(ComplaintAction.SendBack, target, request.Reason, required: true);

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> ConfirmComplaint(
        [AsParameters] ComplaintCommandParameters target, ComplaintActionBody? request) =>
        ApplyAsync(ComplaintAction.Confirm, target, request?.Reason, required: false);

    public static Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> RejectComplaint(
        [AsParameters] ComplaintCommandParameters target, ComplaintReasonBody request) =>
        ApplyAsync(ComplaintAction.Reject, target, request.Reason, required: true);

    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> ApplyAsync(
        ComplaintAction action, ComplaintCommandParameters target, string? reason, bool required, SubmitFindingsBody? findings = null)
    {
        var errors = new ValidationErrors();
        var (_, condition, actor) = Read(target, errors);
        var why = required
            ? errors.RequiredMultilineText("reason", reason, Limits.Reason)
            : errors.OptionalText("reason", reason, Limits.Reason, multiline: true);
        var rootCause = findings is null ? null : errors.RequiredValue("rootCause", findings.RootCause);
        var corrective = findings is null ? null : errors.RequiredMultilineText("correctiveAction", findings.CorrectiveAction, ComplaintLimits.CorrectiveAction);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var command = new ComplaintCommand(action, actor!, why, expected) { RootCause = rootCause, CorrectiveAction = corrective };
        return await AnswerAsync(await target.Grain.ApplyAsync(command), target);
    }

    private static (string? Id, IfMatchCondition Condition, string? Actor) Read(ComplaintCommandParameters target, ValidationErrors errors) =>
        (errors.RequiredIdentifier("id", target.Id), errors.IfMatch(target.IfMatch), errors.Actor(target.Actor));

    /// <summary>200 with the complaint and its new ETag, or the refusal; a 409 names the current status and allowed actions.</summary>
    private static async Task<Results<Ok<ComplaintResponse>, ProblemHttpResult>> AnswerAsync(
        Result<ComplaintSnapshot> result, ComplaintCommandParameters target)
    {
        if (result.Error is { Kind: ErrorKind.Conflict } conflict && await target.Grain.GetAsync() is { } current)
        {
            target.Response.Headers.ETag = ETags.Format(current.Version);
            return conflict.ToProblem("action", extensions:
            [
                new("currentStatus", ApiJson.Name(current.Status)),
                new("allowedActions", current.AllowedActions.OrEmpty().Select(ApiJson.Name).ToArray()),
            ]);
        }
        if (result.Error is { } error)
        {
            return error.ToProblem("id");
        }
        target.Response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(ComplaintResponse.From(result.Value));
    }

    public static async Task<Results<Ok<ComplaintListResponse>, ProblemHttpResult>> ListTechnicianComplaints(
        string id, [FromQuery] string? status, [FromQuery] string? limit, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("id", id);
        if (status is not null && !ListStatuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add("status", "status is open (only complaints not closed yet) or all.");
        }
        var count = DefaultListLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > ComplaintLimits.PageMax))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {ComplaintLimits.PageMax}.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<ITechnicianGrain>(id).GetAsync() is null)
        {
            return ApiProblems.NotFound("id", $"No technician has the id '{id}'.");
        }
        var list = await ComplaintLists.Of(grains, ComplaintSubject.Technician, id).ListAsync(status == "open", count);
        return TypedResults.Ok(ComplaintListResponse.From(list));
    }

    internal static ProblemHttpResult NoSuchComplaint(string id) =>
        ApiProblems.NotFound("id", $"No complaint has the id '{id}'.");
}
