using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Access;

/// <summary>Authenticates <c>X-Api-Key</c>: the key's SHA-256 is compared, in constant time, with every configured hash;
/// a match is the principal <c>apikey</c> with the key's id as <c>sub</c> and its scopes. The key itself is never
/// stored or logged.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Longer keys are refused unhashed: nobody is made to hash a megabyte header.</summary>
    private const int MaxKeyLength = 256;

    private readonly (ApiKeyOptions Key, byte[] Hash)[] keys =
        [.. authOptions.Value.ApiKeys.Select(key => (key, Convert.FromHexString(key.Hash)))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxKeyLength)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyOptions? match = null;
        foreach (var (key, known) in keys)
        {
            // No early exit: the time taken says nothing about which key came close.
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                match = key;
            }
        }
        if (match is null)
        {
            AuthLog.ApiKeyRejected(Logger);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }
        var identity = new ClaimsIdentity(SchemeName, AuthClaims.Subject, AuthClaims.Role);
        identity.AddClaim(new Claim(AuthClaims.Subject, match.Id));
        identity.AddClaim(new Claim(AuthClaims.PrincipalType, AuthClaims.ApiKeyPrincipal));
        foreach (var scope in match.Scopes.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(AuthClaims.Scope, scope));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }

    /// <summary>The hash to configure for a key (lower-case hex).</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
