using System.Collections.Frozen;
using AfterSales.Access;

namespace AfterSales.Api.Access;

/// <summary>The claim names, roles and scopes of the API's principals, as tokens and keys spell them.</summary>
internal static class AuthClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string CustomerId = "customer_id";
    public const string TechnicianId = "technician_id";
    public const string Department = "department";
    public const string Region = "region";
    public const string Name = "name";

    /// <summary>The person's language (OpenID Connect's <c>locale</c>): read by the console, not by the access rules.</summary>
    public const string Locale = "locale";
    public const string Scope = "scope";

    /// <summary>The principal's kind: <c>user</c> (bearer token) or <c>apikey</c>.</summary>
    public const string PrincipalType = "principal_type";
    public const string UserPrincipal = "user";
    public const string ApiKeyPrincipal = "apikey";

    public const string Cti = "cti";
    public const string Intake = "intake";
    public const string Webhooks = "webhooks";
    public const string Readings = "readings";

    public static FrozenSet<string> AllScopes { get; } = new[] { Cti, Intake, Webhooks, Readings }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The role claim's spellings.</summary>
    public static FrozenDictionary<string, CallerRole> Roles { get; } = new Dictionary<string, CallerRole>(StringComparer.Ordinal)
    {
        ["customer"] = CallerRole.Customer,
        ["technician"] = CallerRole.Technician,
        ["agent"] = CallerRole.Agent,
        ["supervisor"] = CallerRole.Supervisor,
        ["admin"] = CallerRole.Admin,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string NameOf(CallerRole role) => Roles.First(pair => pair.Value == role).Key;
}
