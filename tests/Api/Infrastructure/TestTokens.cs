using AfterSales.Api.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>Signs bearer tokens for tests with the running app's development key (the key POST /api/dev/tokens uses),
/// including tokens the endpoint would never make: expired, for another audience, forged, unsigned.</summary>
public sealed class TestTokens(SecurityKey key)
{
    public const string Issuer = "aftersales";
    public const string Audience = "aftersales-api";

    /// <summary>A token for a role; customers, technicians and desk roles carry the ids, departments and regions given.</summary>
    public string For(string role, string? subject = null, string? customerId = null, string? technicianId = null,
        IReadOnlyList<string>? departments = null, IReadOnlyList<string>? regions = null,
        DateTime? expires = null, string audience = Audience, SecurityKey? signedWith = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject ?? role + "-" + Guid.NewGuid().ToString("N")[..8],
            ["role"] = role,
        };
        if (customerId is not null)
        {
            claims["customer_id"] = customerId;
        }
        if (technicianId is not null)
        {
            claims["technician_id"] = technicianId;
        }
        if (departments is { Count: > 0 })
        {
            claims["department"] = departments.ToArray();
        }
        if (regions is { Count: > 0 })
        {
            claims["region"] = regions.ToArray();
        }
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedWith ?? key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An admin's token: what every test client sends unless a test asks for another caller.</summary>
    public string Admin() => For("admin", subject: "test-admin");

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string WithoutSignature(string role) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "none-" + role, ["role"] = role },
        });

    /// <summary>A key the app does not know, for forged tokens.</summary>
    public static SecurityKey ForeignKey() => new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The key of an app's data directory.</summary>
    public static TestTokens Of(IServiceProvider services) =>
        new(services.GetRequiredService<DevelopmentTokenKey>().Key);
}
