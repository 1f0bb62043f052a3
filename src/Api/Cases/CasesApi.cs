using AfterSales.Access;
using AfterSales.Api.Access;
using AfterSales.Api.Complaints;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Cases;

/// <summary><c>/api/cases</c>: open, read, history, notes, the state actions of the case lifecycle
/// (new → assigned → inProgress ⇄ waitingForCustomer → resolved → closed; reopen; cancel), and routing: why a case
/// went where it went, escalation, transfer and a supervisor's assignment.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");

        group.MapPost("", CreateCase)
            .WithName(nameof(CreateCase))
            .WithSummary("Open a case")
            .WithDescription("The case is triaged to a department in the customer's region and routed there: the skill rules of "
                + "the routing policy match its type, device model and category to the skills it needs, and the department's "
                + "strategy picks an eligible technician, or the case is queued (GET /api/cases/{number}/routing says why). "
                + "Answers 201 with Location and ETag. Send an Idempotency-Key to make retries safe: "
                + "the same key and body return the same case (Idempotent-Replayed: true), a different body 422.")
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapGet("/{number}", GetCase)
            .WithName(nameof(GetCase))
            .WithSummary("Get a case")
            .WithDescription("Answers with an ETag (the case version); If-None-Match with the current ETag answers 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        group.MapGet("/{number}/history", GetCaseHistory)
            .WithName(nameof(GetCaseHistory))
            .WithSummary("Page through a case's events, oldest first")
            .WithDescription("Every change to a case is an event (id, per-case sequence, time, actor, kind, from → to, details), "
                + "kept for ever. after: the sequence to continue after (default 0, the start); limit: 1 to "
                + $"{CaseHistoryQuery.MaxLimit} events (default {CaseHistoryQuery.DefaultLimit}). The answer's next (and the Link "
                + "header, rel=next) names the following page while more events follow.")
            .ProducesProblems(400, 404);

        group.MapPost("/{number}/notes", AddNote)
            .WithName(nameof(AddNote))
            .WithSummary("Add an internal or customer-visible note")
            .WithDescription("Notes do not change the case's status. Send If-Match with the ETag last read to refuse the note "
                + "when the case changed meanwhile (412). " + RetryAdvice + " Answers the case with its new ETag.")
            .ProducesProblems(400, 404, 409, 412, 413, 415, 422);

        group.MapGet("/{number}/routing", GetCaseRouting)
            .WithName(nameof(GetCaseRouting))
            .WithSummary("Get why a case went where it went")
            .WithDescription("The skills it needs, its department and region, and its last routing decisions: the candidates "
                + "considered with their scores and notes, and the rule that decided (affinity, the strategy, manual, overflow or queued).")
            .ProducesProblems(400, 404);

        group.MapPost("/{number}/escalate", EscalateCase)
            .WithName(nameof(EscalateCase))
            .WithSummary("Escalate a customer-service case to technical-support (tier 2)")
            .WithDescription("The case keeps its number and history, leaves its technician or queue and is routed in technical-support "
                + "of the same region. A case of another department is refused with 409 (transfer it instead). " + RoutingAdvice)
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        group.MapPost("/{number}/transfer", TransferCase)
            .WithName(nameof(TransferCase))
            .WithSummary("Hand a case to another department of its region")
            .WithDescription("The case keeps its number and history, leaves its technician or queue and is routed in the new department. "
                + RoutingAdvice)
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        group.MapPost("/{number}/assign", AssignCase)
            .WithName(nameof(AssignCase))
            .WithSummary("Assign a case to a technician of a supervisor's choice")
            .WithDescription("Skills are the supervisor's call; presence and capacity are not: a technician off shift, away or without "
                + "enough free capacity refuses with 409 and its reason. 404 on technicianId when no technician has the id. A technician "
                + "of another department or region takes the case there. " + RetryAdvice + " " + RoutingAdvice)
            .ProducesProblems(400, 404, 409, 412, 413, 415, 422);

        group.MapPost("/{number}/priority", ChangeCasePriority)
            .WithName(nameof(ChangeCasePriority))
            .WithSummary("Change a case's priority")
            .WithDescription("Records the change (priorityChanged) with the reason and the X-Actor. The SLA rule is chosen again "
                + "for the new priority, so the due times move, and a case waiting in its department's queue takes its place for "
                + "the new priority. The priority the case already has is refused (400 on priority); a resolved, closed or "
                + "cancelled case answers 409. Send If-Match with the ETag last read to refuse the change when the case changed "
                + "meanwhile (412), and an Idempotency-Key to make a retry safe: the same key and body answer the case as it is "
                + "(Idempotent-Replayed: true), the same key with another body 422. Answers the case with its new ETag.")
            .ProducesProblems(400, 404, 409, 412, 413, 415, 422);

        group.MapPost("/{number}/children", LinkChild)
            .WithName(nameof(LinkChild))
            .WithSummary("Link a case to a problem as its child")
            .WithDescription("A supervisor links a case to an open problem by hand (problem detection links the faults it finds). "
                + "Both cases show the link (problem on the child, children on the problem) and record it in their histories. "
                + "404 on caseNumber when no case has that number; 409 when this case is not an open problem, when the case "
                + "already has a problem, or when it is this problem or a problem above it (a cycle). Linking a child again "
                + "changes nothing. Send If-Match with the problem's ETag to refuse the link when it changed meanwhile (412). "
                + "Answers the problem with its new ETag.")
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        MapAction(group, "start", StartCase, "Start work on an assigned case (assigned → inProgress)");
        MapAction(group, "wait", WaitForCustomer, "Wait for the customer (inProgress → waitingForCustomer)");
        MapAction(group, "resume", ResumeCase, "Resume work after the customer answered (waitingForCustomer → inProgress)");
        MapAction(group, "resolve", ResolveCase, "Resolve a case with a summary (inProgress or waitingForCustomer → resolved)",
            " A case with a fault code may name the known solution that worked (solutionId; an id that is not among its "
            + "knownSolutions is 422) or describe a new one (newSolution), which supervisors see at GET /api/models/{code}/proposed-solutions. "
            + "A problem resolved with resolveChildren: true resolves its open children with its summary; the answer to each is "
            + "recorded in the problem's history (childrenResolved).", 422);
        MapAction(group, "close", CloseCase, "Close a resolved case (resolved → closed)");
        MapAction(group, "reopen", ReopenCase, "Reopen a resolved case (resolved → inProgress; counts as a reopen)");
        MapAction(group, "cancel", CancelCase, "Cancel an open case (any open state → cancelled)");

        return api;
    }

    private const string RoutingAdvice = "A reason is required and recorded in the history with the X-Actor. Send If-Match with "
        + "the ETag last read to refuse the change when the case changed meanwhile (412). Answers the case with its new ETag.";

    private static void MapAction(RouteGroupBuilder group, string action, Delegate handler, string summary, string more = "",
        params int[] moreProblems) =>
        group.MapPost($"/{{number}}/{action}", handler)
            .WithName(handler.Method.Name)
            .WithSummary(summary)
            .WithDescription("Send If-Match with the ETag last read to refuse the action when the case changed meanwhile (412). "
                + "An action the case does not allow now answers 409 with currentStatus and allowedActions. " + RetryAdvice + more)
            .ProducesProblems([400, 404, 409, 412, 413, 415, 422, .. moreProblems]);

    /// <summary>Why a command on an existing case takes an Idempotency-Key: without one, a retry after a lost answer
    /// (a timeout, a 503 while a silo failed) of an action that did apply is refused with 409.</summary>
    private const string RetryAdvice = "Send an Idempotency-Key to make a retry safe: the same key and body answer the case as "
        + "it is now (Idempotent-Replayed: true) instead of applying the command again or refusing it as already applied; the "
        + "same key with another body or command 422. A case remembers the keys of its last 32 such commands.";

    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> CreateCase(
        CreateCaseRequest request,
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
        // A customer opens cases for themselves only; another customer's id is answered as an unknown one.
        if (response.HttpContext.Caller() is { Role: CallerRole.Customer } customer && customer.CustomerId != command!.CustomerId)
        {
            return ApiProblems.NotFound("customerId", $"Customer {command.CustomerId} does not exist.");
        }
        // Who sends the request is not part of what is requested: a retry by another actor is still a replay.
        var hash = RequestHash.Of(IdempotentCreate.Cases, command! with { Actor = "" });
        // With a key the number is taken by the key's first claim only: a replay never takes one.
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Cases, key, hash, ResourceIdSource.CaseNumber(grains),
            number => grains.GetGrain<ICaseGrain>(number).OpenAsync(command with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem(ApiProblems.Body, notFoundField: "customerId"),
            "/api/cases", CaseResponse.From,
            static (created, answer) => answer.Headers.ETag = ETags.Format(created.Version));
    }

    public static async Task<Results<Ok<CaseResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetCase(
        string number,
        [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("number", number);
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var complaints = ComplaintLists.IdsOfCaseAsync(grains, number);
        // The grain checks the caller's reach itself: a case out of reach is answered as one that does not exist.
        var snapshot = await grains.GetGrain<ICaseGrain>(number).GetForAsync(response.HttpContext.Caller());
        if (snapshot is null)
        {
            return NoSuchCase(number);
        }
        response.Headers.ETag = ETags.Format(snapshot.Version);
        return known?.WeaklyMatches(snapshot.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(CaseResponse.From(snapshot) with { Complaints = await complaints });
    }

    public static async Task<Results<Ok<CaseHistoryResponse>, ProblemHttpResult>> GetCaseHistory(
        string number, [FromQuery] string? after, [FromQuery] string? limit, HttpResponse response, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var query = CaseHistoryQuery.Parse(errors, after, limit);
        if (errors.RequiredIdentifier("number", number) is null || errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<ICaseGrain>(number).GetHistoryAsync(query.After, query.Limit) is not { } page)
        {
            return NoSuchCase(number);
        }
        var next = page.HasMore ? CaseHistoryQuery.PageLink(number, page.Events[^1].Sequence, query.Limit) : null;
        if (next is not null)
        {
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(new CaseHistoryResponse([.. page.Events.OrEmpty().Select(CaseEventResponse.FromEvent)], page.LastSequence, next));
    }

    public static async Task<Results<Ok<CaseRoutingResponse>, ProblemHttpResult>> GetCaseRouting(string number, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("number", number) is null)
        {
            return errors.ToProblem();
        }
        var routing = await grains.GetGrain<ICaseGrain>(number).GetRoutingAsync();
        return routing is null ? NoSuchCase(number) : TypedResults.Ok(CaseRoutingResponse.From(routing));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> EscalateCase(
        [AsParameters] CaseCommandParameters target, EscalationRequest request)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var reason = errors.RequiredMultilineText("reason", request.Reason, Limits.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var grain = target.Grains.GetGrain<ICaseGrain>(number!);
        var result = await grain.EscalateAsync(new EscalateCaseRequest(reason!, actor!, expected));
        return await AnswerAsync(result, grain, target.Response, conflictField: "department");
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> TransferCase(
        [AsParameters] CaseCommandParameters target, TransferRequest request)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var department = errors.RequiredValue("department", request.Department);
        var reason = errors.RequiredMultilineText("reason", request.Reason, Limits.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var grain = target.Grains.GetGrain<ICaseGrain>(number!);
        var result = await grain.TransferAsync(new TransferCaseRequest(department!.Value, reason!, actor!, expected));
        return await AnswerAsync(result, grain, target.Response, conflictField: "department");
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> AssignCase(
        [AsParameters] CaseCommandParameters target, ManualAssignmentRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var key = errors.IdempotencyKey(idempotencyKey);
        var technicianId = errors.RequiredIdentifier("technicianId", request.TechnicianId);
        var reason = errors.RequiredMultilineText("reason", request.Reason, Limits.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var grain = target.Grains.GetGrain<ICaseGrain>(number!);
        var command = new AssignCaseRequest(technicianId!, reason!, actor!, expected) { IdempotencyKey = key };
        var result = await grain.AssignAsync(command with { RequestHash = HashOf(AssignScope, key, command with { Actor = "", ExpectedVersion = null }) });
        // A refusal without allowed actions is the technician's (off shift, away, at capacity).
        return await AnswerAsync(result, grain, target.Response, conflictField: "technicianId");
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ChangeCasePriority(
        [AsParameters] CaseCommandParameters target,
        PriorityChangeRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var key = errors.IdempotencyKey(idempotencyKey);
        var priority = errors.RequiredValue("priority", request.Priority);
        var reason = errors.RequiredMultilineText("reason", request.Reason, Limits.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var command = new ChangePriorityRequest(priority!.Value, reason!, actor!, expected, key);
        // Who sends the request and what version they read are not part of what is requested.
        var hash = HashOf(PriorityScope, key, command with { Actor = "", ExpectedVersion = null });
        var grain = target.Grains.GetGrain<ICaseGrain>(number!);
        var result = await grain.ChangePriorityAsync(command with { RequestHash = hash });
        return await AnswerAsync(result, grain, target.Response, conflictField: "priority");
    }

    private const string PriorityScope = "case-priority";
    private const string ActionScope = "case-action";
    private const string NoteScope = "case-note";
    private const string AssignScope = "case-assign";

    /// <summary>The hash a retry's request must match; who sends it and what version they read are not part of what is
    /// requested (the caller blanks them), the command's kind and body are. Null without a key.</summary>
    private static string? HashOf<T>(string scope, string? key, T canonical) => key is null ? null : RequestHash.Of(scope, canonical);

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> AddNote(
        [AsParameters] CaseCommandParameters target, AddNoteRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var key = errors.IdempotencyKey(idempotencyKey);
        var text = errors.RequiredMultilineText("text", request.Text, Limits.NoteText);
        var visibility = errors.RequiredValue("visibility", request.Visibility);
        if (visibility == NoteVisibility.Internal && target.Response.HttpContext.Caller().Role == CallerRole.Customer)
        {
            errors.Add("visibility", "A customer's note is one the customer sees: visibility must be customer.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var grain = target.Grains.GetGrain<ICaseGrain>(number!);
        var command = new AddNoteCommand(text!, visibility!.Value, actor!, expected) { IdempotencyKey = key };
        var result = await grain.AddNoteAsync(command with { RequestHash = HashOf(NoteScope, key, command with { Actor = "", ExpectedVersion = null }) });
        return await AnswerAsync(result, grain, target.Response);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> StartCase(
        [AsParameters] CaseCommandParameters target, CaseActionRequest? request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Start, target, idempotencyKey, request?.Reason);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> WaitForCustomer(
        [AsParameters] CaseCommandParameters target, CaseActionRequest? request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Wait, target, idempotencyKey, request?.Reason);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ResumeCase(
        [AsParameters] CaseCommandParameters target, CaseActionRequest? request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Resume, target, idempotencyKey, request?.Reason);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ResolveCase(
        [AsParameters] CaseCommandParameters target, ResolveCaseRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Resolve, target, idempotencyKey, reason: null, summary: request.Summary, resolution: request);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> CloseCase(
        [AsParameters] CaseCommandParameters target, CaseActionRequest? request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Close, target, idempotencyKey, request?.Reason);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ReopenCase(
        [AsParameters] CaseCommandParameters target, CaseActionRequest? request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Reopen, target, idempotencyKey, request?.Reason);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> CancelCase(
        [AsParameters] CaseCommandParameters target, CaseActionRequest? request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey) =>
        ApplyAsync(CaseAction.Cancel, target, idempotencyKey, request?.Reason);

    /// <param name="resolution">A resolve's body: its summary is required, the solution and children optional.</param>
    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ApplyAsync(
        CaseAction action, CaseCommandParameters target, string? idempotencyKey, string? reason, string? summary = null,
        ResolveCaseRequest? resolution = null)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var key = errors.IdempotencyKey(idempotencyKey);
        var why = errors.OptionalText("reason", reason, Limits.Reason, multiline: true);
        var resolved = resolution is null ? null : errors.RequiredMultilineText("summary", summary, Limits.Summary);
        var solutionId = errors.OptionalIdentifier("solutionId", resolution?.SolutionId);
        var newSolution = errors.OptionalText("newSolution", resolution?.NewSolution, Limits.Summary, multiline: true);
        if (solutionId is not null && newSolution is not null)
        {
            errors.Add("newSolution", "Name the known solution that worked (solutionId) or describe a new one (newSolution), not both.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var grain = target.Grains.GetGrain<ICaseGrain>(number!);
        var command = new CaseCommand(action, actor!, resolved, why, expected)
        {
            SolutionId = solutionId,
            NewSolution = newSolution,
            ResolveChildren = resolution?.ResolveChildren ?? false,
            IdempotencyKey = key,
        };
        var result = await grain.ApplyAsync(command with { RequestHash = HashOf(ActionScope, key, command with { Actor = "", ExpectedVersion = null }) });
        return await AnswerAsync(result, grain, target.Response);
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> LinkChild(
        [AsParameters] CaseCommandParameters target, LinkChildRequest request)
    {
        var errors = new ValidationErrors();
        var (number, condition, actor) = Read(target, errors);
        var child = errors.RequiredIdentifier("caseNumber", request.CaseNumber);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Grains.GetGrain<ICaseProblemsGrain>(number!).AddChildAsync(new AddChildRequest(child!, actor!, ExpectedVersion: expected));
        return await AnswerAsync(result, target.Grains.GetGrain<ICaseGrain>(number!), target.Response, conflictField: "number");
    }

    private static (string? Number, IfMatchCondition Condition, string? Actor) Read(CaseCommandParameters target, ValidationErrors errors) =>
        (errors.RequiredIdentifier("number", target.Number), errors.IfMatch(target.IfMatch), errors.Actor(target.Actor));

    /// <summary>200 with the case and its new ETag, or the refusal; a 409 names the current status, department and
    /// allowed actions.</summary>
    /// <param name="conflictField">Where a conflict that is not about the case's status applies (a state conflict,
    /// which lists allowed actions, is on <c>action</c>).</param>
    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> AnswerAsync(
        Result<CaseSnapshot> result, ICaseGrain grain, HttpResponse response, string conflictField = "action")
    {
        if (result.Replayed)
        {
            IdempotentCreate.MarkReplayed(response);
        }
        if (result.Error is { Kind: ErrorKind.Conflict } conflict && await grain.GetAsync() is { } current)
        {
            response.Headers.ETag = ETags.Format(current.Version);
            return conflict.ToProblem(conflict.AllowedActions.IsDefault ? conflictField : "action", extensions:
            [
                new("currentStatus", ApiJson.Name(current.Status)),
                new("currentDepartment", ApiJson.Name(current.Department)),
                new("allowedActions", current.AllowedActions.OrEmpty().Select(ApiJson.Name).ToArray()),
            ]);
        }
        if (result.Error is { } error)
        {
            return error.ToProblem("number");
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(CaseResponse.From(CaseViews.For(result.Value, response.HttpContext.Caller())));
    }

    internal static ProblemHttpResult NoSuchCase(string number) =>
        ApiProblems.NotFound("number", $"No case has the number '{number}'.");
}
