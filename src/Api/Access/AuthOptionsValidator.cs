using Microsoft.Extensions.Options;

namespace AfterSales.Api.Access;

/// <summary>Refuses to start with keys or limits that would silently weaken authentication.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("AfterSales:Auth:Issuer and AfterSales:Auth:Audience must be set.");
        }
        if (options.Authority is { } authority && !Uri.TryCreate(authority, UriKind.Absolute, out _))
        {
            failures.Add("AfterSales:Auth:Authority must be an absolute URL.");
        }
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (!SigningKeys.TryDecode(options.SigningKeys[i], out _))
            {
                failures.Add($"AfterSales:Auth:SigningKeys:{i} must be base64 of at least {SigningKeys.MinimumBytes} bytes.");
            }
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Id) || !ids.Add(key.Id))
            {
                failures.Add($"AfterSales:Auth:ApiKeys:{i}:Id must be set and unique.");
            }
            if (key.Hash.Length != 64 || !key.Hash.All(char.IsAsciiHexDigit))
            {
                failures.Add($"AfterSales:Auth:ApiKeys:{i}:Hash must be the key's SHA-256 as 64 hex digits.");
            }
            if (key.Scopes.Count == 0 || key.Scopes.Any(scope => !AuthClaims.AllScopes.Contains(scope)))
            {
                failures.Add($"AfterSales:Auth:ApiKeys:{i}:Scopes must name one or more of {string.Join(", ", AuthClaims.AllScopes)}.");
            }
        }
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add("AfterSales:Auth:ClockSkew must be between 0 and 5 minutes.");
        }
        if (options.DevelopmentTokenLifetime < TimeSpan.FromMinutes(1) || options.DevelopmentTokenLifetime > TimeSpan.FromDays(7))
        {
            failures.Add("AfterSales:Auth:DevelopmentTokenLifetime must be between 1 minute and 7 days.");
        }
        var limits = options.RateLimits;
        if (limits.Window < TimeSpan.FromSeconds(1) || limits.Window > TimeSpan.FromHours(1))
        {
            failures.Add("AfterSales:Auth:RateLimits:Window must be between 1 second and 1 hour.");
        }
        if (limits.PerUser < 1 || limits.PerApiKey < 1 || limits.PerAnonymousAddress < 1)
        {
            failures.Add("AfterSales:Auth:RateLimits:PerUser, PerApiKey and PerAnonymousAddress must be 1 or more.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
