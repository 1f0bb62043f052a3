using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Silo.Telemetry;

/// <summary>The Orleans Dashboard (section <c>AfterSales:Dashboard</c>): on in the Development environment, opt-in
/// elsewhere, because it adds a profiling filter to every grain call and serves cluster internals without
/// authentication.</summary>
public sealed class DashboardSettings
{
    public const string SectionName = "AfterSales:Dashboard";

    /// <summary>Where the API serves the dashboard.</summary>
    public const string Path = "/dashboard";

    /// <summary>Whether this process takes part in the dashboard (a silo collects for it, the API serves it). Default:
    /// on in the Development environment, off otherwise. In a cluster set it on every silo and on the API.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Serve the dashboard's live log stream (its Trace page). Default off: the stream shows every log line of
    /// the process to whoever reaches the page.</summary>
    public bool ShowTrace { get; set; }

    /// <summary>The settings of <paramref name="configuration"/>, with the environment's default applied.</summary>
    public static DashboardSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(SectionName).Get<DashboardSettings>() ?? new DashboardSettings();
        settings.Enabled ??= environment.IsDevelopment();
        return settings;
    }

    /// <summary>True when the dashboard is on (after <see cref="Read"/>).</summary>
    public bool IsEnabled => Enabled == true;
}
