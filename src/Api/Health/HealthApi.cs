using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Api.Health;

/// <summary>Probes for orchestrators and load balancers, outside <c>/api</c> and its concurrency limit.</summary>
internal static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Probes answer orchestrators, which carry no credential.
        var health = app.MapGroup("/health").WithTags("Diagnostics").AllowAnonymous();
        health.MapGet("/live", GetLiveness)
            .WithName("GetLiveness")
            .WithSummary("Liveness: the process serves HTTP (asks no dependency).")
            .WithDescription("Always 200 while the process runs, with no checks listed: restart the process only when this fails.");
        health.MapGet("/ready", GetReadinessAsync)
            .WithName("GetReadiness")
            .WithSummary("Readiness: the cluster answers, this silo is active in it and the database answers.")
            .WithDescription("Checks: silo (a grain answers and storage accepts a write), membership (a silo in this process is Active; "
                + "not in client mode) and database (SQLite in embedded mode, PostgreSQL otherwise), each within "
                + "AfterSales:Api:ReadinessTimeout (2 s). 200 when every check is healthy, 503 with the same body when one is not.")
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable);

        // The cheapest request Kestrel can serve here: the benchmark's plaintext ceiling of this exact configuration.
        app.MapGet("/ping", Ping)
            .AllowAnonymous()
            .WithName("Ping")
            .WithSummary("Answers pong (text/plain): the cost of the HTTP stack alone.")
            .WithDescription("Touches no grain: the benchmark compares every route with this plaintext ceiling.")
            .WithTags("Diagnostics");
        return app;
    }

    private static Ok<HealthReportResponse> GetLiveness(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new HealthReportResponse(HealthState.Healthy, 0, []));
    }

    private static async Task<Results<Ok<HealthReportResponse>, JsonHttpResult<HealthReportResponse>>> GetReadinessAsync(
        HealthCheckService checks, HttpContext context, CancellationToken cancellationToken)
    {
        var report = HealthReportResponse.From(await checks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken));
        context.Response.Headers.CacheControl = "no-store";
        return report.Status == HealthState.Unhealthy
            ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(report);
    }

    private static string Ping() => "pong";
}
