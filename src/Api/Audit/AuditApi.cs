using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Privacy;
using AfterSales.Api.Validation;
using AfterSales.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Audit;

/// <summary><c>/api/audit</c>: the audit record of every change attempted through the API, for admins.</summary>
internal static class AuditApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>How far back a query reaches when it names no <c>from</c>.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);

    /// <summary>The widest range one query reads: a page reads every hour of its range in the worst case (an empty one),
    /// eight shards an hour, so the range bounds what one request costs.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAuditEntries)
            .WithName(nameof(ListAuditEntries))
            .WithTags("Audit")
            .WithSummary("Read the audit record, newest entry first")
            .WithDescription("Every change attempted through the API (every method but GET under /api, refused ones included): who "
                + "(actor, principal type), what (action = operation id, target type and id), the outcome, the trace id and the "
                + "Idempotency-Key. Ids only: no bodies, no personal data. Entries are never changed or removed through the API. "
                + "Range [from, to), at most 7 days (default: the last 24 hours); filters combine with AND. Paged: next is the "
                + "cursor of the following page. Admins only (role admin, policy AuditReaders). docs/AUDIT.md.")
            .RequireAuthorization(AuditPolicies.AuditReaders)
            .ProducesProblems(400)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddOpenApiOperationTransformer(AuditParameterRules.TransformAsync);
        api.MapPrivacyApi();
        return api;
    }

    public static async Task<Results<Ok<AuditPageResponse>, ProblemHttpResult>> ListAuditEntries(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? actor, [FromQuery] string? targetType,
        [FromQuery] string? targetId, [FromQuery] string? action, [FromQuery] string? limit, [FromQuery] string? cursor,
        IGrainFactory grains, HttpContext context)
    {
        var errors = new ValidationErrors();
        var now = (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var end = Instant(errors, "to", to) ?? now;
        var start = Instant(errors, "from", from) ?? end - DefaultRange;
        if (!errors.HasErrors && start >= end)
        {
            errors.Add("from", "from must be before to.");
        }
        else if (!errors.HasErrors && end - start > MaxRange)
        {
            errors.Add("from", $"The range from-to spans at most {MaxRange.TotalDays:0} days; page through a longer one range by range.");
        }
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"The limit must be a whole number from 1 to {MaxLimit}.");
        }
        var before = cursor is null ? null : AuditCursor.Parse(cursor);
        if (cursor is not null && before is null)
        {
            errors.Add("cursor", "The cursor must be the next value of a previous page.");
        }
        var query = new AuditQuery(start, end,
            Text(errors, "actor", actor), errors.OptionalIdentifier("targetType", targetType), errors.OptionalIdentifier("targetId", targetId),
            errors.OptionalIdentifier("action", action), size, before);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var page = await grains.GetGrain<IAuditReaderGrain>(0).ReadAsync(query);
        return TypedResults.Ok(new AuditPageResponse(
            [.. page.Entries.Select(AuditEntryResponse.From)], page.Next is { } next ? AuditCursor.Of(next) : null));
    }

    private static DateTimeOffset? Instant(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && value.Contains('T', StringComparison.Ordinal))
        {
            return instant.ToUniversalTime();
        }
        errors.Add(field, $"{field} must be a date-time with its offset (RFC 3339), e.g. 2026-12-01T09:00:00Z.");
        return null;
    }

    // A subject is whatever the token issuer chose: any printable text of bounded length.
    private static string? Text(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length is 0 or > AuditParameterRules.ActorLength || value.Any(char.IsControl))
        {
            errors.Add(field, $"The {field} must be 1-{AuditParameterRules.ActorLength} characters without control characters.");
            return null;
        }
        return value;
    }
}
