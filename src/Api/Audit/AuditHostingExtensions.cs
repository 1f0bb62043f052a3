using AfterSales.Api.Privacy;
using Microsoft.AspNetCore.Authorization;

namespace AfterSales.Api.Audit;

/// <summary>The audit and privacy services: the admin policies, the middleware that records every change and the
/// redaction of personal data in logs. Who the caller is comes from the API's authentication (docs/SECURITY.md).</summary>
internal static class AuditHostingExtensions
{
    public static WebApplicationBuilder AddAfterSalesAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorizationBuilder()
            .AddPolicy(AuditPolicies.AuditReaders, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => AuditCaller.IsAdmin(c.User)))
            .AddPolicy(AuditPolicies.PersonalDataErasers, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => AuditCaller.IsAdmin(c.User)));
        // Outermost, so it sees every answer's final status and the caller authentication found.
        services.AddSingleton<IStartupFilter, AuditStartupFilter>();
        builder.AddPersonalDataRedaction();
        return builder;
    }

    private sealed class AuditStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<AuditMiddleware>();
            next(app);
        };
    }
}
