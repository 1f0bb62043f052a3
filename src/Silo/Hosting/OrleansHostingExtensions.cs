using AfterSales.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Silo.Hosting;

/// <summary>The single entry point both the Silo and the Api use to join Orleans; the mode comes from configuration.</summary>
/// <remarks>Providers are wired in code from <see cref="HostingOptions"/> rather than from Orleans' own
/// <c>Orleans</c> configuration section: the schema must be migrated before the providers start, and the embedded
/// connection string is derived from <see cref="HostingOptions.DataDirectory"/>. Tests and deployments still switch
/// by configuration only (<c>AfterSales:Hosting</c> and <c>ConnectionStrings:AfterSales</c>).</remarks>
public static class OrleansHostingExtensions
{
    /// <summary>Hosts a silo (Embedded, Cluster) or a client (Client) as <c>AfterSales:Hosting:Mode</c> says.
    /// Throws <see cref="OptionsValidationException"/> at once for a configuration that cannot work.</summary>
    public static IHostApplicationBuilder AddAfterSalesOrleans(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(HostingOptions.SectionName);
        var hosting = section.Get<HostingOptions>() ?? new HostingOptions();
        var validation = new HostingOptionsValidator().Validate(null, hosting);
        List<string> failures = [.. validation.Failures ?? [], .. RetiredSettings(section)];
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(HostingOptions), failures);
        }
        builder.Services.AddOptions<HostingOptions>().Bind(section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>());
        builder.Services.AddAfterSalesGrains(builder.Configuration);
        // SIGTERM: Kestrel drains, then the silo deactivates its grains (state written) and leaves the cluster.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = hosting.ShutdownTimeout);

        // Registered before Orleans so the choice is logged before the silo or client starts (and even if it fails).
        builder.Services.AddStartupLog<HostingSummary>((logger, summary) =>
            HostingLog.Summary(logger, summary.Mode, summary.ClusterId, summary.ServiceId, summary.Storage, summary.Reminders));
        HostingSummary? summary = null;
        switch (hosting.Mode)
        {
            case HostingMode.Client:
                var clientConnection = PostgresConnectionString(builder.Configuration, hosting);
                builder.UseOrleansClient(client => summary = ClusterClient.Configure(client, hosting, clientConnection));
                break;
            case HostingMode.Cluster:
                var siloConnection = PostgresConnectionString(builder.Configuration, hosting);
                builder.UseOrleans(silo => summary = ClusterSilo.Configure(silo, hosting, siloConnection));
                break;
            default:
                builder.UseOrleans(silo => summary = EmbeddedSilo.Configure(silo, hosting));
                break;
        }
        builder.Services.AddSingleton(summary ?? throw new InvalidOperationException("Orleans was not configured."));
        CachedGrainInterfaceTypes.Register(builder.Services);
        return builder;
    }

    /// <summary>Settings that no longer exist but would change what is stored if they were silently ignored.</summary>
    private static IEnumerable<string> RetiredSettings(IConfigurationSection section)
    {
        // The embedded silo had a second grain storage (Orleans' ADO.NET one), which would drop the rows and events
        // of row-backed states; its data sits in a table the remaining storage does not read.
        if (section["EmbeddedStorage"] is { } storage && !string.Equals(storage, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{HostingOptions.SectionName}:EmbeddedStorage is no longer a setting (found '{storage}'): the embedded silo " +
                "always uses its SQLite grain storage, which keeps rows and the event journal. Remove the setting; state written " +
                "by the former AdoNetSqlite storage is not carried over (deploy/STORAGE.md).";
        }
    }

    internal static string PostgresConnectionString(IConfiguration configuration, HostingOptions hosting)
    {
        var connectionString = hosting.ConnectionString is { Length: > 0 } configured
            ? configured
            : configuration.GetConnectionString(HostingOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(HostingOptions),
            [
                $"{hosting.Mode} mode needs a PostgreSQL connection string: set ConnectionStrings:{HostingOptions.ConnectionStringName} " +
                $"or {HostingOptions.SectionName}:ConnectionString.",
            ]);
        }
        return connectionString;
    }
}
