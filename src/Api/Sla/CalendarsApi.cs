using System.Text;
using AfterSales.Api.Departments;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Sla;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Api.Sla;

/// <summary><c>/api/calendars/{region}</c>: each region's business calendar (time zone, weekly hours, holidays),
/// which counts the business time of its cases' SLA clocks. A region without one has the default calendar (version
/// 0). Every change answers the calendar with its new ETag; a stale If-Match is refused with 412.</summary>
internal static class CalendarsApi
{
    private const string CalendarMediaType = "text/calendar";

    private const string IfMatchAdvice = "Send If-Match with the calendar's ETag to refuse the change when the calendar changed meanwhile (412).";

    public static RouteGroupBuilder MapCalendarsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendars").WithTags("SLA");

        group.MapGet("/{region}", GetBusinessCalendar)
            .WithName(nameof(GetBusinessCalendar))
            .WithSummary("Get a region's business calendar")
            .WithDescription("A region without a calendar of its own answers the default: Monday to Friday 09:00-17:00 in the "
                + "region's configured time zone (UTC without one), no holidays, version 0. If-None-Match with the current ETag answers 304.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        group.MapPut("/{region}", ReplaceBusinessCalendar)
            .WithName(nameof(ReplaceBusinessCalendar))
            .WithSummary("Replace a region's business calendar")
            .WithDescription("Open cases of the region count with it from their next change. Errors name the path, e.g. "
                + "week[1].to or holidays[3].date (overlapping intervals of a day, unknown time zone, a date listed twice). " + IfMatchAdvice)
            .ProducesProblems(400, 404, 412, 413, 415);

        group.MapPut("/{region}/holidays", ImportHolidays)
            .WithName(nameof(ImportHolidays))
            .WithSummary("Replace a region's holidays from an iCalendar file")
            .WithDescription("The body is an RFC 5545 file (Content-Type: text/calendar, at most 1 MiB). Every all-day VEVENT "
                + "closes its days; recurring events (RRULE, e.g. FREQ=YEARLY) are expanded from January 1st of last year through "
                + "December 31st five years ahead. The time zone and weekly hours stay. A file that does not parse is refused with "
                + "400, one with no events, a timed event or more than 1,000 days with 422. " + IfMatchAdvice)
            .Accepts<string>(CalendarMediaType)
            .ProducesProblems(400, 404, 412, 413, 415, 422);

        return api;
    }

    public static async Task<Results<Ok<BusinessCalendarResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetBusinessCalendar(
        string region, [FromHeader(Name = ApiHeaders.IfNoneMatch)] string? ifNoneMatch, IGrainFactory grains, InputRules rules, HttpResponse response)
    {
        if (DepartmentRoute.Region(rules, region) is { } unknown)
        {
            return unknown;
        }
        var errors = new ValidationErrors();
        var known = errors.IfNoneMatch(ifNoneMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var calendar = await grains.GetGrain<IBusinessCalendarGrain>(region).GetAsync();
        response.Headers.ETag = ETags.Format(calendar.Version);
        return known?.WeaklyMatches(calendar.Version) == true
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(BusinessCalendarResponse.From(calendar));
    }

    public static async Task<Results<Ok<BusinessCalendarResponse>, ProblemHttpResult>> ReplaceBusinessCalendar(
        string region, [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch, BusinessCalendarRequest request,
        IGrainFactory grains, InputRules rules, HttpResponse response)
    {
        if (DepartmentRoute.Region(rules, region) is { } unknown)
        {
            return unknown;
        }
        var errors = new ValidationErrors();
        var condition = errors.IfMatch(ifMatch);
        var definition = request.ToContract(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var calendar = grains.GetGrain<IBusinessCalendarGrain>(region);
        var expected = await condition.ExpectedVersionAsync(async () => (await calendar.GetAsync()).Version);
        return Answer(await calendar.ReplaceAsync(new ReplaceBusinessCalendarRequest(definition!, expected)), response, ApiProblems.Body);
    }

    public static async Task<Results<Ok<BusinessCalendarResponse>, ProblemHttpResult>> ImportHolidays(
        string region, [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch, HttpRequest request,
        IGrainFactory grains, InputRules rules, HttpResponse response)
    {
        if (DepartmentRoute.Region(rules, region) is { } unknown)
        {
            return unknown;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(CalendarMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                $"Send the holidays as an iCalendar file with Content-Type: {CalendarMediaType}.");
        }
        var errors = new ValidationErrors();
        var condition = errors.IfMatch(ifMatch);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var text = await ReadBoundedAsync(request);
        if (text is null)
        {
            return ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, ApiProblems.Body,
                $"An iCalendar file has at most {SlaLimits.MaxCalendarFileLength} characters.");
        }
        var calendar = grains.GetGrain<IBusinessCalendarGrain>(region);
        var expected = await condition.ExpectedVersionAsync(async () => (await calendar.GetAsync()).Version);
        // The grain names the file "calendar"; here the file is the body.
        return Answer(await calendar.ImportHolidaysAsync(new ImportHolidaysRequest(text, expected)), response, ApiProblems.Body, bodyField: "calendar");
    }

    /// <summary>The body as text, or null when it is longer than an import may be.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[SlaLimits.MaxCalendarFileLength + 1];
        var read = 0;
        int last;
        while (read < buffer.Length && (last = await reader.ReadAsync(buffer.AsMemory(read))) > 0)
        {
            read += last;
        }
        return read > SlaLimits.MaxCalendarFileLength ? null : new string(buffer, 0, read);
    }

    private static Results<Ok<BusinessCalendarResponse>, ProblemHttpResult> Answer(
        Common.Result<BusinessCalendarSnapshot> result, HttpResponse response, string defaultField, string? bodyField = null)
    {
        if (result.Error is { } error)
        {
            return (error.Field == bodyField && bodyField is not null ? error with { Field = ApiProblems.Body } : error).ToProblem(defaultField);
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(BusinessCalendarResponse.From(result.Value));
    }
}
