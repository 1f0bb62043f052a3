using System.Security.Claims;
using AfterSales.Audit;

namespace AfterSales.Api.Audit;

/// <summary>Who made a request, as the audit record names it, read from whatever authentication put in
/// <see cref="HttpContext.User"/>: the <c>sub</c> claim (or <c>anonymous</c>); a user when it has a role, an API key when
/// it is authenticated with scopes, anonymous otherwise.</summary>
internal static class AuditCaller
{
    public const string Anonymous = "anonymous";

    public static (string Actor, AuditPrincipal Principal) Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true })
        {
            return (Anonymous, AuditPrincipal.Anonymous);
        }
        var actor = user.FindFirst(AuditPolicies.SubjectClaim)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var principal = user.HasClaim(c => c.Type is AuditPolicies.RoleClaim or ClaimTypes.Role) ? AuditPrincipal.User
            : user.HasClaim(c => c.Type == AuditPolicies.ScopeClaim) ? AuditPrincipal.ApiKey
            : AuditPrincipal.Anonymous;
        return (string.IsNullOrEmpty(actor) ? Anonymous : actor, principal);
    }

    /// <summary>Whether the caller has the admin role (the policies' requirement).</summary>
    public static bool IsAdmin(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type is AuditPolicies.RoleClaim or ClaimTypes.Role && c.Value == AuditPolicies.AdminRole);
}
