using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Cti;

/// <summary>Registers the CTI intake: its options (validated at start) and the gate that checks tokens and callers.</summary>
internal static class CtiHostingExtensions
{
    /// <summary>Binds <see cref="CtiIntakeOptions"/> from <c>AfterSales:Cti</c>. With no token configured, in the Development
    /// environment or in embedded mode (the README's local start, a single process with its own SQLite file),
    /// <see cref="CtiIntakeOptions.DevelopmentToken"/> is accepted so a local PBX or the .http file works at once; a
    /// cluster (Client or Cluster mode, the production shapes) never accepts it.</summary>
    public static WebApplicationBuilder AddCtiIntake(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>()?.Mode ?? HostingMode.Embedded;
        var development = builder.Environment.IsDevelopment() || mode == HostingMode.Embedded;
        builder.Services.AddOptions<CtiIntakeOptions>()
            .Bind(builder.Configuration.GetSection(CtiIntakeOptions.SectionName))
            .PostConfigure(options =>
            {
                if (development && options.Tokens.Count == 0)
                {
                    options.Tokens.Add(CtiGate.HashOf(CtiIntakeOptions.DevelopmentToken));
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CtiIntakeOptions>, CtiIntakeOptionsValidator>();
        builder.Services.AddSingleton<CtiGate>();
        return builder;
    }
}
