using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Audit;

/// <summary>The authentication scheme of a host that configures none: it authenticates nobody, so every caller is
/// anonymous, and admin-only endpoints answer 401 (ProblemDetails from the status-code pages) instead of failing.</summary>
internal sealed class NoIdentityScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "NoIdentity";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    /// <summary>Adds the scheme as the default only when no other scheme was added by then.</summary>
    internal sealed class Fallback : IPostConfigureOptions<AuthenticationOptions>
    {
        public void PostConfigure(string? name, AuthenticationOptions options)
        {
            if (options.Schemes.Any() || options.DefaultScheme is not null || options.DefaultChallengeScheme is not null)
            {
                return;
            }
            options.AddScheme<NoIdentityScheme>(Name, null);
            options.DefaultScheme = Name;
        }
    }
}
