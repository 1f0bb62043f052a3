using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Api.Health;

/// <summary>A health answer: the overall status and each check's.</summary>
/// <param name="Status">Worst status of the checks: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c> (healthy when there are none).</param>
/// <param name="DurationMs">How long the checks took together, in milliseconds.</param>
/// <param name="Checks">Every check asked, in a fixed order.</param>
public sealed record HealthReportResponse(HealthState Status, double DurationMs, IReadOnlyList<HealthCheckResponse> Checks)
{
    internal static HealthReportResponse From(HealthReport report) => new(
        StateOf(report.Status),
        Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        [.. report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new HealthCheckResponse(
            e.Key, StateOf(e.Value.Status), Math.Round(e.Value.Duration.TotalMilliseconds, 1), e.Value.Description ?? ""))]);

    private static HealthState StateOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => HealthState.Healthy,
        HealthStatus.Degraded => HealthState.Degraded,
        _ => HealthState.Unhealthy,
    };
}

/// <summary>One check of a health answer.</summary>
/// <param name="Name">The check: <c>silo</c>, <c>membership</c> or <c>database</c>.</param>
/// <param name="Status">Its status.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
/// <param name="Description">What it found, or why it failed (never a connection string or a personal detail).</param>
public sealed record HealthCheckResponse(string Name, HealthState Status, double DurationMs, string Description);

/// <summary>Status of a check or of the whole answer.</summary>
public enum HealthState
{
    /// <summary>Working.</summary>
    Healthy,
    /// <summary>Working, with a problem worth a look.</summary>
    Degraded,
    /// <summary>Not working: the process should get no traffic.</summary>
    Unhealthy,
}
