using System.Text;
using AfterSales.Api.Access;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.CaseList;
using AfterSales.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace AfterSales.Api.CaseList;

/// <summary><c>GET /api/cases</c> (the case list: filters, sort, keyset pages, text search),
/// <c>GET /api/cases/export.csv</c> (the same filters as streamed CSV) and <c>POST /api/case-list/rebuild</c>.</summary>
internal static class CaseListApi
{
    private const int ExportPage = 500;

    /// <summary>A customer id no customer has (ids start with a letter or digit): the filter of an export outside reach.</summary>
    private const string NoCustomer = "";

    private const string Filters =
        "Filters: status, department, region, priority, assignee, customer, sla (each may be repeated: any of its values; different "
        + "filters must all hold) and text (1 to 8 words, each found as a substring of the subject or the description, any case; "
        + "Chinese and English alike). sla is empty until an SLA feature fills it. ";

    public static RouteGroupBuilder MapCaseListApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Case list");
        cases.MapGet("", ListCases)
            .WithName(nameof(ListCases))
            .WithSummary("List cases")
            .WithDescription("A read model fed by the case events: it follows changes within a moment (progress says how far, "
                + "docs/CASE-LIST.md bounds it). " + Filters + "sort: createdAt, updatedAt or priority, ascending, or descending with a "
                + "leading - (default -createdAt; ties by number). Pages are keyset-paged: next carries an opaque cursor, and a case whose "
                + "sort key did not change is never skipped or repeated however the list changes between pages.")
            .ProducesProblems(400);
        cases.MapGet("/export.csv", ExportCases)
            .WithName(nameof(ExportCases))
            .WithSummary("Export the cases of a filter as CSV")
            .WithDescription(Filters + "sort as for the list. RFC 4180 CSV (header row, CRLF), written as it is read, page by page; "
                + "a text cell starting with =, +, -, @ is prefixed with an apostrophe so spreadsheets do not run it as a formula.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblems(400);
        api.MapPost("/case-list/rebuild", RebuildCaseList)
            .WithTags("Case list")
            .WithName(nameof(RebuildCaseList))
            .WithSummary("Rebuild the case list from the case events")
            .WithDescription("Empties the list and replays the event journal from its start into it (the same events give the same "
                + "rows). Answers 202 at once with the journal head; the rebuild is complete when GET /api/cases reports a progress "
                + "position at or above it.");
        return api;
    }

    public static async Task<Results<Ok<CaseListResponse>, ProblemHttpResult>> ListCases(
        [AsParameters] CaseListParameters parameters, HttpRequest request, InputRules rules, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var asked = parameters.Read(errors, rules, paged: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var list = grains.GetGrain<ICaseListGrain>(0);
        // Progress first: every event at or below its position is in the page read after it.
        var progress = await list.GetProgressAsync();
        // Only the cases the caller may read: outside their reach the list is empty, never an error that hints at more.
        var query = CaseListReach.Restrict(asked, request.HttpContext.Caller());
        var page = query is null ? new CaseListPage([], null) : await list.QueryAsync(query);
        var next = page.Next is { } cursor ? NextLink(request, CaseListParameters.WriteCursor(parameters.Sort ?? "-createdAt", cursor)) : null;
        if (next is not null)
        {
            request.HttpContext.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(new CaseListResponse([.. page.Rows.Select(CaseListItemResponse.From)], next, CaseListProgressResponse.From(progress)));
    }

    public static Results<PushStreamHttpResult, ProblemHttpResult> ExportCases(
        [AsParameters] CaseListParameters parameters, InputRules rules, IGrainFactory grains, HttpContext context)
    {
        var errors = new ValidationErrors();
        var asked = parameters.Read(errors, rules, paged: false) with { Limit = ExportPage };
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        // Outside the caller's reach the export is the header row alone.
        var query = CaseListReach.Restrict(asked, context.Caller()) ?? asked with { Customers = [NoCustomer] };
        return TypedResults.Stream(body => WriteCsvAsync(body, query, grains.GetGrain<ICaseListGrain>(0)), "text/csv; charset=utf-8", "cases.csv");
    }

    public static async Task<Accepted<CaseListProgressResponse>> RebuildCaseList(IGrainFactory grains)
    {
        var progress = await grains.GetGrain<ICaseListGrain>(0).RebuildAsync();
        return TypedResults.Accepted("/api/cases", CaseListProgressResponse.From(progress));
    }

    /// <summary>Page by page, each written and flushed before the next is read: memory stays one page whatever the
    /// export's size.</summary>
    private static async Task WriteCsvAsync(Stream body, CaseListQuery query, ICaseListGrain list)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var text = new StringBuilder(CaseCsv.Header);
        while (true)
        {
            var page = await list.QueryAsync(query);
            foreach (var row in page.Rows)
            {
                CaseCsv.Append(text, row);
            }
            await body.WriteAsync(encoding.GetBytes(text.ToString()));
            await body.FlushAsync();
            text.Clear();
            if (page.Next is null)
            {
                return;
            }
            query = query with { After = page.Next };
        }
    }

    private static string NextLink(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(pair => pair.Key != "cursor")
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return QueryHelpers.AddQueryString("/api/cases", query);
    }
}
