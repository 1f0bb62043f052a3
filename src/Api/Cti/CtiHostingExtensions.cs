using Microsoft.Extensions.Options;

namespace AfterSales.Api.Cti;

/// <summary>Registers the CTI intake: its options (validated at start) and the gate that checks tokens and callers.</summary>
internal static class CtiHostingExtensions
{
    /// <summary>Binds <see cref="CtiIntakeOptions"/> from <c>AfterSales:Cti</c>; in the Development environment with no token
    /// configured, <see cref="CtiIntakeOptions.DevelopmentToken"/> is accepted so a local PBX or the .http file works at once.</summary>
    public static WebApplicationBuilder AddCtiIntake(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
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
