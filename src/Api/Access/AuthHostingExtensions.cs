using AfterSales.Api.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Api.Access;

/// <summary>Registers authentication: JWT bearer tokens for people, <c>X-Api-Key</c> for integrations, and the
/// development token key where development tokens are on.</summary>
internal static class AuthHostingExtensions
{
    /// <summary>The default scheme: an <c>X-Api-Key</c> header selects the API key handler, anything else the bearer one.</summary>
    public const string DefaultScheme = "AfterSales";

    public static WebApplicationBuilder AddAfterSalesAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        var developmentTokens = DevelopmentTokens.AreEnabled(builder.Configuration, builder.Environment);
        if (developmentTokens)
        {
            services.AddSingleton<DevelopmentTokenKey>();
        }

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, DefaultScheme, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((jwt, auth, provider) =>
                ConfigureBearer(jwt, auth.Value, developmentTokens ? provider.GetRequiredService<DevelopmentTokenKey>() : null));
        services.AddAuthorizationBuilder()
            // Deny by default: an endpoint says so to be reached without a credential (AllowAnonymous).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<AuthOptions>>((limiter, auth) => RequestRateLimits.Configure(limiter, auth.Value));
        return builder;
    }

    private static void ConfigureBearer(JwtBearerOptions jwt, AuthOptions options, DevelopmentTokenKey? developmentKey)
    {
        // Claims keep the names tokens give them (sub, role, customer_id), not the WS-* URIs of the inbound map.
        jwt.MapInboundClaims = false;
        jwt.Authority = options.Authority;
        jwt.Audience = options.Audience;
        var keys = new List<SecurityKey>();
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (SigningKeys.TryDecode(options.SigningKeys[i], out var key))
            {
                keys.Add(SigningKeys.ToSecurityKey(key, $"configured-{i}"));
            }
        }
        if (developmentKey is not null)
        {
            keys.Add(developmentKey.Key);
        }
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            // Unsigned tokens (alg: none) are refused, whatever the header says.
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys,
            // Configured keys are HMAC keys; an identity provider's keys come from its discovery document.
            ValidAlgorithms = options.Authority is null ? [SecurityAlgorithms.HmacSha256] : null,
            ClockSkew = options.ClockSkew,
            NameClaimType = AuthClaims.Subject,
            RoleClaimType = AuthClaims.Role,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthHostingExtensions));
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var reason = context.Exception.GetType().Name;
                    AuthLog.TokenRejected(logger, reason);
                }
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Authentication, then the request limits (which need to know the caller), then the role check and the
    /// resource check.</summary>
    public static WebApplication UseAfterSalesAccess(this WebApplication app)
    {
        if (app.Services.GetService<DevelopmentTokenKey>() is { } key)
        {
            AuthLog.DevelopmentTokensOn(app.Logger, app.Environment.IsDevelopment() ? "Development environment" : "embedded mode", key.KeyPath);
        }
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<ResourceAccessMiddleware>();
        return app;
    }
}
