using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AfterSales.Api.Health;

/// <summary>Probes for orchestrators and load balancers, outside <c>/api</c> and its concurrency limit.</summary>
internal static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Live: the process serves HTTP; no dependency is asked.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });

        // The cheapest request Kestrel can serve here: the benchmark's plaintext ceiling of this exact configuration.
        app.MapGet("/ping", Ping)
            .WithName("Ping")
            .WithSummary("Answers pong (text/plain): the cost of the HTTP stack alone.")
            .WithDescription("Touches no grain: the benchmark compares every route with this plaintext ceiling.")
            .WithTags("Diagnostics");
        return app;
    }

    private static string Ping() => "pong";
}
