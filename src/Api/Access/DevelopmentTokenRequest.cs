using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AfterSales.Api.Validation;
using AfterSales.Common;

namespace AfterSales.Api.Access;

/// <summary>Asks for a development token (embedded mode and Development only).</summary>
/// <param name="Role">The role the token carries.</param>
/// <param name="Subject">The person's id, the token's <c>sub</c> (an id: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>@</c>; max 64).</param>
/// <param name="CustomerId">The customer a <c>customer</c> is; required for that role, refused for others.</param>
/// <param name="TechnicianId">The technician a <c>technician</c> is (required for that role); an agent or supervisor may carry one too.</param>
/// <param name="Departments">The departments an agent or supervisor works in.</param>
/// <param name="Regions">The configured regions an agent or supervisor works in.</param>
/// <param name="Locale">The person's language as their profile holds it (<c>zh-CN</c> or <c>en</c>), the token's
/// <c>locale</c> claim (as an OpenID Connect provider sets it): the console shows itself in it unless the person chose
/// another language there.</param>
public sealed record DevelopmentTokenRequest(
    [property: Required] TokenRole? Role,
    [property: Required, StringLength(64, MinimumLength = 1), RegularExpression(Limits.ActorPattern)] string Subject,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? CustomerId = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? TechnicianId = null,
    [property: MaxLength(4)] IReadOnlyList<Department>? Departments = null,
    [property: MaxLength(DevelopmentTokenRequest.MaxRegions), ItemLength(32)] IReadOnlyList<string>? Regions = null,
    [property: Language] string? Locale = null)
{
    internal const int MaxRegions = 200;
}

/// <summary>The roles a person's token can carry.</summary>
public enum TokenRole
{
    [JsonStringEnumMemberName("customer")] Customer,
    [JsonStringEnumMemberName("technician")] Technician,
    [JsonStringEnumMemberName("agent")] Agent,
    [JsonStringEnumMemberName("supervisor")] Supervisor,
    [JsonStringEnumMemberName("admin")] Admin,
}

/// <summary>A signed bearer token.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until the token expires.</param>
public sealed record DevelopmentTokenResponse(string AccessToken, string TokenType, int ExpiresIn);
