namespace AfterSales.Diagnostics;

/// <summary>Names a telemetry pipeline subscribes to for the project's own instruments.</summary>
public static class AfterSalesTelemetry
{
    /// <summary>The project's meter (cases, assignments, queues, SLA clocks, scheduler and feed lag).</summary>
    public const string MeterName = "AfterSales";

    /// <summary>Every meter of the project: <see cref="MeterName"/> and the per-feature ones named <c>AfterSales.*</c>
    /// (such as the maintenance scheduler's).</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [MeterName, MeterName + ".*"];
}
