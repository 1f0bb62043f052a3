using System.Collections.Immutable;
using System.Security.Claims;
using AfterSales.Access;

namespace AfterSales.Api.Access;

/// <summary>Reads the <see cref="CallerScope"/> the grains check from an authenticated principal.</summary>
internal static class CallerScopes
{
    /// <summary>The caller's scope; an unauthenticated principal or an unknown role has no rights at all (a user with
    /// role <see cref="CallerRole.None"/> sees nothing).</summary>
    public static CallerScope From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirst(AuthClaims.Subject)?.Value ?? "";
        if (principal.FindFirst(AuthClaims.PrincipalType)?.Value == AuthClaims.ApiKeyPrincipal)
        {
            return new CallerScope(CallerKind.ApiKey, subject, CallerRole.None, null, null, [], [], Values(principal, AuthClaims.Scope));
        }
        var role = principal.FindFirst(AuthClaims.Role)?.Value is { } name && AuthClaims.Roles.TryGetValue(name, out var known)
            ? known
            : CallerRole.None;
        return new CallerScope(
            CallerKind.User,
            subject,
            role,
            role == CallerRole.Customer ? principal.FindFirst(AuthClaims.CustomerId)?.Value : null,
            principal.FindFirst(AuthClaims.TechnicianId)?.Value,
            Values(principal, AuthClaims.Department),
            Values(principal, AuthClaims.Region),
            []);
    }

    /// <summary>The caller of this request, read once and kept on the request.</summary>
    public static CallerScope Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(CallerScope), out var cached) && cached is CallerScope scope)
        {
            return scope;
        }
        scope = From(context.User);
        context.Items[typeof(CallerScope)] = scope;
        return scope;
    }

    private static ImmutableArray<string> Values(ClaimsPrincipal principal, string type) =>
        [.. principal.FindAll(type).Select(claim => claim.Value).Distinct(StringComparer.Ordinal)];
}
