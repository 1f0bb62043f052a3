using AfterSales.Api.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Audit;

/// <summary>The audit and privacy services: the admin policies, the middleware that records every change, a stand-in
/// authentication scheme for a host that configures none, and the redaction of personal data in logs.</summary>
internal static class AuditHostingExtensions
{
    public static WebApplicationBuilder AddAfterSalesAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorizationBuilder()
            .AddPolicy(AuditPolicies.AuditReaders, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => AuditCaller.IsAdmin(c.User)))
            .AddPolicy(AuditPolicies.PersonalDataErasers, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => AuditCaller.IsAdmin(c.User)));
        services.AddAuthentication();
        // Without any scheme a refused admin request could not be challenged (an exception, a 500): when the host
        // configures no scheme of its own, one that knows nobody answers 401 and 403.
        services.AddSingleton<IPostConfigureOptions<AuthenticationOptions>, NoIdentityScheme.Fallback>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
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
