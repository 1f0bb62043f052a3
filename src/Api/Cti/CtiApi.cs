using System.Globalization;
using AfterSales.Api.Complaints;
using AfterSales.Api.Customers;
using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Customers;
using AfterSales.Cti;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Cti;

/// <summary><c>/api/cti</c>: the PBX's Generic CTI events (Zammad's format, so a PBX set up for Zammad points here
/// unchanged), the agent's screen pop of a call and the call log.</summary>
internal static class CtiApi
{
    public const string CallsSegment = "calls";

    public static RouteGroupBuilder MapCtiApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cti").WithTags("CTI");

        group.MapPost("/{token}", PostCtiEvent)
            .WithName(nameof(PostCtiEvent))
            .WithSummary("Take a call event from the PBX (Generic CTI)")
            .WithDescription("Zammad's Generic CTI format, as JSON or as a form: newCall (from, to, direction, callId, user, optional "
                + "queue), answer (callId, user, answeringNumber, ...), hangup (callId, cause, ...). Answers {} as Zammad does, or "
                + "{\"action\":\"reject\",\"reason\":\"busy\"} to a newCall of an inbound call from a blocked caller. An event is "
                + "applied once per call and kind: a repeat answers what the first did and changes nothing; events may arrive in "
                + "any order. A missed inbound call (busy, cancel, noAnswer, never answered) opens one callback case in customer "
                + "service. A token that is not configured answers 404, whatever it is. Setup: docs/CTI.md.")
            .Accepts<CtiEventRequest>(CtiEventReader.Json, CtiEventReader.Form)
            .ProducesProblems(400, 404, 413, 415);

        group.MapGet($"/{CallsSegment}", ListCtiCalls)
            .WithName(nameof(ListCtiCalls))
            .WithSummary("List the calls of a day, newest first")
            .WithDescription("The call log: every call whose first event arrived on the day (UTC), its state, outcome, customer and "
                + "callback case; optionally one customer's calls. Paged: next is the cursor of the following page.")
            .ProducesProblems(400);

        group.MapGet($"/{CallsSegment}/{{callId}}", GetCtiCall)
            .WithName(nameof(GetCtiCall))
            .WithSummary("Get a call for the answering agent's screen pop")
            .WithDescription("The call's state, outcome and timeline, and the caller as a customer (the customer 360: profile, devices, "
                + "recent cases and open complaints) with the open cases. 404 when the PBX sent nothing about this call id.")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Ok<CtiEventResponse>, ProblemHttpResult>> PostCtiEvent(
        string token, HttpRequest request, CtiGate gate, InputRules rules, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!gate.Accepts(token))
        {
            loggers.CreateLogger(typeof(CtiApi)).UnknownToken();
            // The same answer for every refused token: nothing tells a guess from a revoked token.
            return ApiProblems.NotFound("token", "No CTI integration answers at this address.");
        }
        var (fields, problem) = await CtiEventReader.ReadAsync(request, request.HttpContext.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new ValidationErrors();
        var callEvent = CtiEventValidation.Validate(fields!, rules, errors);
        if (callEvent is null)
        {
            return errors.ToProblem();
        }
        var blocked = callEvent.Kind == CtiEventKind.NewCall && callEvent.Direction == CallDirection.In && gate.IsBlocked(callEvent.From);
        var key = CtiKeys.Call(callEvent.CallId);
        var result = await grains.GetGrain<ICtiCallGrain>(key).ApplyAsync(callEvent with { CallerBlocked = blocked });
        if (result.Reject && !result.Replayed)
        {
            loggers.CreateLogger(typeof(CtiApi)).CallerRejected(key, callEvent.From ?? "");
        }
        return TypedResults.Ok(result.Reject ? CtiEventResponse.RejectBusy : CtiEventResponse.None);
    }

    public static async Task<Results<Ok<CtiCallResponse>, ProblemHttpResult>> GetCtiCall(string callId, IGrainFactory grains)
    {
        if (!CtiEventValidation.CallIdRegex().IsMatch(callId))
        {
            return ApiProblems.Invalid("callId", $"A call id is 1-{CtiFields.CallIdLength} letters, digits, '.', '_', ':', '@' or '-'.");
        }
        var call = await grains.GetGrain<ICtiCallGrain>(CtiKeys.Call(callId)).GetAsync();
        if (call is null)
        {
            return ApiProblems.NotFound("callId", $"No event of call '{callId}' arrived.");
        }
        CustomerResponse? customer = null;
        if (call.CustomerId is { } id && await grains.GetGrain<ICustomerGrain>(id).GetAsync() is { } found)
        {
            customer = CustomerResponse.From(found) with { OpenComplaints = await ComplaintLists.OpenOfCustomerAsync(grains, id) };
        }
        return TypedResults.Ok(CtiCallResponse.Of(call, customer));
    }

    public static async Task<Results<Ok<CtiCallLogResponse>, ProblemHttpResult>> ListCtiCalls(
        [FromQuery] string? day, [FromQuery] string? customerId, [FromQuery] string? limit, [FromQuery] string? cursor,
        IGrainFactory grains, HttpContext context)
    {
        var errors = new ValidationErrors();
        var date = DateOnly.FromDateTime((context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add("day", "The day must be a date, yyyy-MM-dd.");
        }
        var customer = customerId is null ? null : errors.RequiredIdentifier("customerId", customerId);
        var size = CallLogPage.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > CallLogPage.MaxLimit))
        {
            errors.Add("limit", $"The limit must be a whole number from 1 to {CallLogPage.MaxLimit}.");
        }
        var after = cursor is null ? null : CallLogPage.Parse(cursor);
        if (cursor is not null && after is null)
        {
            errors.Add("cursor", "The cursor must be the next value of a previous page.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var shards = await Task.WhenAll(Enumerable.Range(0, CtiKeys.LogShards)
            .Select(shard => grains.GetGrain<ICtiCallLogGrain>(CtiKeys.LogShard(date, shard)).GetEntriesAsync()));
        var (page, next) = CallLogPage.Take(shards.SelectMany(entries => entries), customer, after, size);
        return TypedResults.Ok(new CtiCallLogResponse(date, [.. page.Select(CtiCallLogItem.Of)], next));
    }
}
