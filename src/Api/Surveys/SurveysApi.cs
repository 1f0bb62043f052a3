using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Api.Installation;
using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Domain.Surveys;
using AfterSales.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Surveys;

/// <summary>Satisfaction surveys: the customer's page and response under <c>/api/surveys/{token}</c> (no account: the
/// token is the credential) and the results per technician, department and region.</summary>
internal static class SurveysApi
{
    public const int DefaultPeriodDays = 30;
    public const int MaxPeriodDays = 366;
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonNode Example = JsonNode.Parse("""{ "score": 4, "nps": 9, "comment": "The technician explained everything." }""")!;

    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Surveys");

        group.MapGet("/results", GetSurveyResults)
            .WithName(nameof(GetSurveyResults))
            .WithSummary("Get survey results of a technician, a department in a region, or a region")
            .WithDescription("Exactly one of: technician; department and region; region. from and to (yyyy-MM-dd, inclusive, "
                + $"at most {MaxPeriodDays} days; default: the {DefaultPeriodDays} days to today, UTC) pick days in the case's region's calendar: "
                + "a response counts on the day it was given, an issue on the day it was made. CSAT average and distribution, "
                + "share satisfied (4–5), NPS = % promoters (9–10) − % detractors (0–6), response rate = responses / issued; "
                + "the period's totals and each day's. Formulas in docs/SURVEYS.md.")
            .ProducesProblems(400);

        group.MapGet("/{token}", GetSurvey)
            .WithName(nameof(GetSurvey))
            .WithSummary("Show a survey to its customer (no account)")
            .WithDescription("The case number and subject, the technician's display name, the questions in the customer's language "
                + "(zh-CN or en), the expiry and whether it was answered. A token that is unknown or not a token answers 404 alike.")
            .ProducesProblems(404);

        group.MapPost("/{token}", AnswerSurvey)
            .WithName(nameof(AnswerSurvey))
            .WithSummary("Answer a survey (no account)")
            .WithDescription("score 1–5, nps 0–10, an optional comment (at most 1000 characters). A survey takes one response: "
                + "sending the same answer again answers 201 again with Idempotent-Replayed: true (a retry is safe); a different "
                + "one is 409. After the expiry 410; a token that is unknown or not a token 404; bad values 400 naming the field.")
            .WithRequestExample(Example)
            .ProducesProblems(400, 404, 409, 410, 413, 415);

        return api;
    }

    public static async Task<Results<Ok<SurveyPageResponse>, ProblemHttpResult>> GetSurvey(string token, IGrainFactory grains, HttpResponse response)
    {
        NoStore(response);
        return SurveyTokens.IsWellFormed(token) && await grains.GetGrain<ISurveyGrain>(token).GetAsync() is { } survey
            ? TypedResults.Ok(SurveyPageResponse.From(survey))
            : NoSuchSurvey();
    }

    public static async Task<Results<Created<SurveyPageResponse>, ProblemHttpResult>> AnswerSurvey(
        string token, SurveyAnswerRequest request, IGrainFactory grains, HttpResponse response)
    {
        NoStore(response);
        if (!SurveyTokens.IsWellFormed(token))
        {
            return NoSuchSurvey();
        }
        var errors = new ValidationErrors();
        var answer = request.Validate(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<ISurveyGrain>(token).RespondAsync(answer!);
        switch (result.Outcome)
        {
            case SurveyOutcome.Accepted:
            case SurveyOutcome.Replayed:
                if (result.Outcome == SurveyOutcome.Replayed)
                {
                    Idempotency.IdempotentCreate.MarkReplayed(response);
                }
                return TypedResults.Created($"/api/surveys/{token}", SurveyPageResponse.From(result.Survey!));
            case SurveyOutcome.AlreadyAnswered:
                return ApiProblems.Create(StatusCodes.Status409Conflict, "token",
                    $"This survey was answered at {Stamp(result.Survey!.Response!.AnsweredAt)} and takes one response only.");
            case SurveyOutcome.Expired:
                return ApiProblems.Create(StatusCodes.Status410Gone, "token",
                    $"This survey expired at {Stamp(result.Survey!.ExpiresAt)} and takes no response any more.");
            case SurveyOutcome.Invalid:
                return ApiProblems.Invalid(result.Field ?? ApiProblems.Body, result.Message ?? "The response is invalid.");
            default:
                return NoSuchSurvey();
        }
    }

    public static async Task<Results<Ok<SurveyResultsResponse>, ProblemHttpResult>> GetSurveyResults(
        [FromQuery] string? technician, [FromQuery] string? department, [FromQuery] string? region,
        [FromQuery] string? from, [FromQuery] string? to, InputRules rules, IGrainFactory grains, HttpContext context)
    {
        var errors = new ValidationErrors();
        var (dimension, key, slug) = Dimension(errors, rules, technician, department, region);
        var last = Day(errors, "to", to) ?? DateOnly.FromDateTime((context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        var first = Day(errors, "from", from) ?? last.AddDays(1 - DefaultPeriodDays);
        if (!errors.HasErrors && first > last)
        {
            errors.Add("from", "from must not be after to.");
        }
        else if (!errors.HasErrors && last.DayNumber - first.DayNumber + 1 > MaxPeriodDays)
        {
            errors.Add("to", $"A period has at most {MaxPeriodDays} days.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var days = await grains.GetGrain<ISurveyResultsGrain>(0).GetDaysAsync(dimension, key!, first, last);
        return TypedResults.Ok(new SurveyResultsResponse(technician, slug, dimension == SurveyDimension.Technician ? null : region, first, last,
            SurveyFiguresResponse.From(SurveyMath.Sum(first, days)),
            [.. days.Select(d => new SurveyDayResponse(d.Day, SurveyFiguresResponse.From(d)))]));
    }

    /// <summary>Which aggregate the query names: a technician, a department and region, or a region — exactly one.</summary>
    private static (SurveyDimension Dimension, string? Key, string? Department) Dimension(
        ValidationErrors errors, InputRules rules, string? technician, string? department, string? region)
    {
        if (technician is not null)
        {
            if (department is not null || region is not null)
            {
                errors.Add("technician", "Ask for a technician, a department and region, or a region: one of them.");
            }
            return (SurveyDimension.Technician, errors.RequiredIdentifier("technician", technician), null);
        }
        if (region is null)
        {
            errors.Add("region", department is null
                ? "Name a technician, a department and region, or a region."
                : "A department's results are per region: name the region too.");
            return (SurveyDimension.Region, null, null);
        }
        rules.Region(errors, "region", region);
        if (department is null)
        {
            return (SurveyDimension.Region, region, null);
        }
        if (!DepartmentNames.TryParse(department, out var which))
        {
            errors.Add("department", $"Unknown department '{department}'; expected one of: {string.Join(", ", DepartmentNames.All.Select(DepartmentNames.ToSlug))}.");
            return (SurveyDimension.DepartmentRegion, null, null);
        }
        var slug = DepartmentNames.ToSlug(which);
        return (SurveyDimension.DepartmentRegion, $"{slug}/{region}", slug);
    }

    private static DateOnly? Day(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors.Add(field, $"{field} is a day written {DateFormat}.");
        return null;
    }

    private static ProblemHttpResult NoSuchSurvey() => ApiProblems.NotFound("token", "No survey has this token.");

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The token is a credential: the page must not be cached or leak through a referrer.</summary>
    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
