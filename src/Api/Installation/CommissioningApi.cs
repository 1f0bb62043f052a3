using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Installation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Installation;

/// <summary>The commissioning of an installation work order, under <c>/api/cases/{number}</c>: the checklist from the
/// device model's template, the technician's answers, and the commissioning report (JSON or a printable page).</summary>
internal static class CommissioningApi
{
    public const string Scope = "commissioning";

    private const string WorkOrderRule = "Answers are taken while the work order is assigned or in progress and its commissioning "
        + "is not yet submitted; otherwise 409.";

    public static RouteGroupBuilder MapCommissioningApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{number}").WithTags("Installation");

        group.MapGet("/checklist", GetChecklist)
            .WithName(nameof(GetChecklist))
            .WithSummary("Get an installation work order's commissioning checklist")
            .WithDescription("The items of the device model's checklist (copied when first read, so a later change of the model "
                + "does not change a work order under way), each with its answer, and the progress. Answers with an ETag; "
                + "If-None-Match with it answers 304. 404 for a case that is not an installation work order.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404, 409);

        group.MapPut("/checklist/{itemId}", PutChecklistAnswer)
            .WithName(nameof(PutChecklistAnswer))
            .WithSummary("Answer one checklist item")
            .WithDescription("A check takes passed; a measurement value and unit (exactly the item's unit, case-sensitive — else 422 "
                + "on unit naming it), and passes within its expected range (both ends included). A value outside the range is "
                + "refused with 422 on value naming the range, unless deviation is true with a note: then it is recorded as a "
                + "failed item and a deviation. A value for a check or passed for a measurement is 422; an unknown item 404. "
                + "Photos are absolute http(s) URLs. " + WorkOrderRule + " Send If-Match with the checklist's ETag to refuse "
                + "the answer when the checklist changed meanwhile (412). Answers the checklist with its new ETag.")
            .WithPathParameter("itemId", "The checklist item's id, e.g. supply-voltage.")
            .WithRequestExample(InstallationExamples.MeasurementAnswer)
            .ProducesProblems(400, 404, 409, 412, 413, 415, 422);

        group.MapPost("/commissioning", SubmitCommissioning)
            .WithName(nameof(SubmitCommissioning))
            .WithSummary("Submit the commissioning report with the customer's sign-off")
            .WithDescription("Every required item must be answered (else 422 on checklist, listing them in missingItems). The report "
                + "records the checks, measurements, deviations, the work order's technician, the sign-off and the outcome: pass "
                + "when every answered item passed. Pass: the device enters service, its warranty starts and the measured values "
                + "become its baseline; the work order is resolved. Fail: the device stays installed, a fault case is opened for "
                + "technical support (relatedCases links it and the work order both ways) and the work order is resolved as "
                + "failed commissioning. Accepted once: a second submission is 409 and changes nothing. Send an Idempotency-Key: a "
                + "retry with the same key and body completes what a cut-off left undone and answers 201 with Idempotent-Replayed: true.")
            .WithRequestExample(InstallationExamples.Commissioning)
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapGet("/commissioning-report", GetCommissioningReport)
            .WithName(nameof(GetCommissioningReport))
            .WithSummary("Get the commissioning report (JSON, or a printable page with Accept: text/html)")
            .WithDescription("404 until the commissioning is submitted. With Accept: text/html ranked above JSON (as browsers send it) "
                + "the answer is the same report as a self-contained printable HTML page.")
            .ProducesHtml()
            .ProducesProblems(400, 404);

        group.MapGet("/commissioning-report.html", GetCommissioningReportPage)
            .WithName(nameof(GetCommissioningReportPage))
            .WithSummary("Get the commissioning report as a printable HTML page")
            .WithDescription("Self-contained (inline styles with print rules, no scripts); every text is HTML-encoded. 404 until submitted.")
            .Produces<string>(StatusCodes.Status200OK, ReportFormats.Html)
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Ok<ChecklistResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetChecklist(
        string number, [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("number", number);
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<ICommissioningGrain>(number).GetChecklistAsync();
        if (result.Error is { } error)
        {
            return error.ToProblem("number");
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return known?.WeaklyMatches(result.Value.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ChecklistResponse.From(result.Value));
    }

    public static async Task<Results<Ok<ChecklistResponse>, ProblemHttpResult>> PutChecklistAnswer(
        [AsParameters] ChecklistItemParameters target, ChecklistAnswerRequest request)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("number", target.Number);
        var itemId = errors.RequiredIdentifier("itemId", target.ItemId);
        var condition = errors.IfMatch(target.IfMatch);
        var actor = errors.Actor(target.Actor);
        var command = request.Validate(errors, itemId ?? "", actor ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var expected = await target.ExpectedVersionAsync(condition);
        var result = await target.Commissioning.RecordAnswerAsync(command! with { ExpectedVersion = expected });
        if (result.Error is { } error)
        {
            return error.ToProblem("number");
        }
        target.Response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(ChecklistResponse.From(result.Value));
    }

    public static async Task<Results<Created<CommissioningReportResponse>, ProblemHttpResult>> SubmitCommissioning(
        string number,
        CommissioningRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        [FromHeader(Name = ApiHeaders.Actor)] string? actor,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("number", number);
        var key = errors.IdempotencyKey(idempotencyKey);
        var by = errors.Actor(actor);
        var command = request.Validate(errors, by ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var grain = grains.GetGrain<ICommissioningGrain>(number);
        var hash = RequestHash.Of(Scope, new { number, signOff = command!.SignOff });
        var result = await grain.SubmitAsync(command with { IdempotencyKey = key, RequestHash = hash });
        if (result.Error is { } error)
        {
            return error is { Kind: ErrorKind.Unprocessable, Field: "checklist" }
                ? error.ToProblem("number", extensions: [new("missingItems", await MissingItemsAsync(grain))])
                : error.ToProblem("number");
        }
        if (result.Replayed)
        {
            IdempotentCreate.MarkReplayed(response);
        }
        return TypedResults.Created(ReportPath(number), CommissioningReportResponse.From(result.Value!));
    }

    public static async Task<Results<Ok<CommissioningReportResponse>, ContentHttpResult, ProblemHttpResult>> GetCommissioningReport(
        string number, IGrainFactory grains, HttpRequest request, HttpResponse response)
    {
        var (report, problem) = await ReadReportAsync(number, grains);
        if (problem is not null)
        {
            return problem;
        }
        return ReportFormats.PrefersHtml(request)
            ? ReportFormats.Page(report!, response)
            : TypedResults.Ok(CommissioningReportResponse.From(report!));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCommissioningReportPage(
        string number, IGrainFactory grains, HttpResponse response)
    {
        var (report, problem) = await ReadReportAsync(number, grains);
        return problem is not null ? problem : ReportFormats.Page(report!, response);
    }

    private static async Task<(CommissioningReport? Report, ProblemHttpResult? Problem)> ReadReportAsync(string number, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("number", number) is null)
        {
            return (null, errors.ToProblem());
        }
        var report = await grains.GetGrain<ICommissioningGrain>(number).GetReportAsync();
        return report is null
            ? (null, ApiProblems.NotFound("number", $"Work order '{number}' has no commissioning report yet (or no case has this number)."))
            : (report, null);
    }

    private static async Task<string[]> MissingItemsAsync(ICommissioningGrain grain) =>
        (await grain.GetChecklistAsync()).Value is { } checklist
            ? [.. checklist.Items.OrEmpty().Where(item => item.Template.Required && item.Answer is null).Select(item => item.Template.Id)]
            : [];

    private static string ReportPath(string number) => $"/api/cases/{Uri.EscapeDataString(number)}/commissioning-report";
}
